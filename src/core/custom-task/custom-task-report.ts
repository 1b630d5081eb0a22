import type { EvaluationResult, MetricResult } from '../config/schema.js';
import { emptyStats, scoreFromStats } from '../results/score-stats.js';
import type { MetricTotals } from '../task.js';

/**
 * NeMo's `results:` for a custom task, laid out as NeMo's lm-eval output parser lays out a task
 * without groups: `tasks.<name>.metrics.<metric>.scores.<metric>` = `{value, stats}` (mean over all
 * samples; stats from `scoreFromStats`), and `groups` the same again.
 */
export function customTaskReport(taskName: string, metricKey: string, totals: MetricTotals): EvaluationResult {
  const stats = totals.get('')?.get(metricKey) ?? emptyStats();
  // Built twice so that YAML output does not turn the repeat into an anchor and alias.
  const metrics = (): Record<string, MetricResult> => ({ [metricKey]: { scores: { [metricKey]: scoreFromStats(stats) } } });
  return { tasks: { [taskName]: { metrics: metrics() } }, groups: { [taskName]: { metrics: metrics() } } };
}
