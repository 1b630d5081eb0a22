import type { EvaluationResult, MetricResult } from '../../core/config/schema.js';
import { addToStats, emptyStats, scoreFromStats } from '../../core/results/score-stats.js';
import { bootstrapStderrs } from '../../core/stats/bootstrap.js';
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
 * problems, `mean`, `stddev`), and `stderr` is the seeded bootstrap standard error over problems
 * (lm-eval's scheme, `bootstrapStderrs`), as pass@k is no mean of per-sample scores. bigcode
 * averages the problems in the order their executions finished; this sums in doc order, which can
 * differ in the last bit.
 */
export function codeEvalReport(taskKey: string, totals: MetricTotals, ks: readonly number[]): EvaluationResult {
  const problems = problemCounts(totals);
  const reported = ks.filter((k) => problems.length > 0 && problems.every(({ n }) => n >= k));
  const estimates = reported.map((k) => problems.map(({ n, c }) => passAtK(n, c, k)));
  const stderrs = bootstrapStderrs(
    problems.length,
    estimates.map((perProblem) => (indices: Uint32Array) => {
      let sum = 0;
      for (const i of indices) sum += perProblem[i] as number;
      return sum / indices.length;
    }),
  );
  const metrics = (): Record<string, MetricResult> => {
    const result: Record<string, MetricResult> = {};
    reported.forEach((k, i) => {
      const stats = emptyStats();
      for (const estimate of estimates[i] as number[]) addToStats(stats, estimate);
      const score = scoreFromStats(stats);
      const stderr = stderrs[i];
      if (stderr === undefined) delete score.stats.stderr;
      else score.stats.stderr = stderr;
      result[`pass@${k}`] = { scores: { [`pass@${k}`]: score } };
    });
    return result;
  };
  // Built twice so that YAML output does not turn the repeat into an anchor and alias.
  return { tasks: { [taskKey]: { metrics: metrics() } }, groups: { [taskKey]: { metrics: metrics() } } };
}
