import type { MetricStats, MetricTotals } from '../task.js';
import { addToStats, emptyStats } from './score-stats.js';

/**
 * Running per-metric sums for the whole task (subset `''`) and each subset a sample belongs to, and,
 * for the metric keys given to the constructor (a task's `sampleValueKeys`), every sample's value
 * with its position in the run, so `snapshot` can hand them over in sample order however the
 * samples finished.
 */
export class MetricAccumulator {
  private readonly totals = new Map<string, Map<string, MetricStats>>();
  private readonly positions: number[] = [];
  private readonly kept: ReadonlyArray<{ key: string; values: number[] }>;

  constructor(keepValuesOf: readonly string[] = []) {
    this.kept = [...new Set(keepValuesOf)].map((key) => ({ key, values: [] }));
  }

  /**
   * Adds one sample's scores. `position` is its place in the run's sample order (doc index × samples
   * per doc + repeat); it orders the kept values and defaults to the order of `add` calls.
   */
  add(scores: Record<string, number>, subsets: readonly string[] = [], position: number = this.positions.length): void {
    for (const subset of ['', ...subsets]) {
      let metrics = this.totals.get(subset);
      if (!metrics) this.totals.set(subset, (metrics = new Map()));
      for (const [metric, value] of Object.entries(scores)) {
        let stats = metrics.get(metric);
        if (!stats) metrics.set(metric, (stats = emptyStats()));
        addToStats(stats, value);
      }
    }
    if (!this.kept.some(({ key }) => key in scores)) return;
    this.positions.push(position);
    for (const { key, values } of this.kept) values.push(scores[key] ?? Number.NaN);
  }

  snapshot(): MetricTotals {
    if (this.positions.length > 0) {
      const order = this.positions.map((_, i) => i).sort((a, b) => (this.positions[a] as number) - (this.positions[b] as number));
      const whole = this.totals.get('');
      for (const { key, values } of this.kept) {
        const stats = whole?.get(key);
        if (stats) stats.values = order.map((i) => values[i] as number);
      }
    }
    return this.totals;
  }
}
