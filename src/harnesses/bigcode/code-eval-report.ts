import type { EvaluationResult, MetricResult } from '../../core/config/schema.js';
import { addToStats, emptyStats, scoreFromStats } from '../../core/results/score-stats.js';
import type { MetricTotals } from '../../core/task.js';
import { passAtK } from './pass-at-k.js';

/**
 * Per-sample metric key of the code tasks: 1 when the program passed its tests, else 0. Each sample
 * also counts toward the subset named by its problem id, which is how the report finds every
 * problem's number of samples `n` and of passes `c`.
 */
export const PASSED_KEY = 'passed';

/** Every problem's `n` (samples scored) and `c` (samples that passed), from the per-problem subsets. */
export function problemCounts(totals: MetricTotals): Array<{ problem: string; n: number; c: number }> {
  const counts: Array<{ problem: string; n: number; c: number }> = [];
  for (const [subset, metrics] of totals) {
    const passed = metrics.get(PASSED_KEY);
    if (subset === '' || !passed || passed.count === 0) continue;
    counts.push({ problem: subset, n: passed.count, c: passed.sum });
  }
  return counts;
}

/**
 * bigcode's `compute_code_eval` result in NeMo's layout: for each k in `ks`, `pass@k` is the mean
 * over problems of the unbiased per-problem estimate, reported only when every problem has at least
 * k samples (so n_samples 20 gives pass@1 and pass@10, never pass@100). Problems without any scored
 * sample (all failed at the endpoint) are not counted, as bigcode only sees problems it generated
 * for. Each becomes `tasks.<taskKey>.metrics.pass@k.scores.pass@k` (NeMo flattens it to
 * `<taskKey>_pass@k`), `groups` the same; stats describe the per-problem estimates (`count` =
 * problems). bigcode averages the problems in the order their executions finished; this sums in
 * doc order, which can differ in the last bit.
 */
export function codeEvalReport(taskKey: string, totals: MetricTotals, ks: readonly number[]): EvaluationResult {
  const problems = problemCounts(totals);
  const metrics = (): Record<string, MetricResult> => {
    const result: Record<string, MetricResult> = {};
    if (problems.length === 0) return result;
    for (const k of ks) {
      if (!problems.every(({ n }) => n >= k)) continue;
      const stats = emptyStats();
      for (const { n, c } of problems) addToStats(stats, passAtK(n, c, k));
      result[`pass@${k}`] = { scores: { [`pass@${k}`]: scoreFromStats(stats) } };
    }
    return result;
  };
  // Built twice so that YAML output does not turn the repeat into an anchor and alias.
  return { tasks: { [taskKey]: { metrics: metrics() } }, groups: { [taskKey]: { metrics: metrics() } } };
}
