import type { MetricStats, MetricTotals } from '../task.js';
import { addToStats, emptyStats } from './score-stats.js';

/** Running per-metric sums for the whole task (subset `''`) and each subset a sample belongs to. */
export class MetricAccumulator {
  private readonly totals = new Map<string, Map<string, MetricStats>>();

  add(scores: Record<string, number>, subsets: readonly string[] = []): void {
    for (const subset of ['', ...subsets]) {
      let metrics = this.totals.get(subset);
      if (!metrics) this.totals.set(subset, (metrics = new Map()));
      for (const [metric, value] of Object.entries(scores)) {
        let stats = metrics.get(metric);
        if (!stats) metrics.set(metric, (stats = emptyStats()));
        addToStats(stats, value);
      }
    }
  }

  snapshot(): MetricTotals {
    return this.totals;
  }
}
