import type { EvaluationResult, MetricResult } from '../../core/config/schema.js';
import { scoreFromStats } from '../../core/results/score-stats.js';
import type { MetricTotals } from '../../core/task.js';

/**
 * A metric's name in NeMo's results, as NeMo's lm-eval output parser derives it from an lm-eval
 * result key `<metric>,<filter>` (split at the last comma): filter `none` is dropped, otherwise
 * every `,` becomes `__` (`exact_match,strict-match` → `exact_match__strict-match`, `acc,none` →
 * `acc`). Keys without a comma, and stderr keys, are not metrics (undefined), as in the parser.
 */
export function nemoMetricName(key: string): string | undefined {
  const match = /^(.*),(.*)/.exec(key);
  if (!match || key.includes('stderr')) return undefined;
  const full = match[2] === 'none' ? (match[1] as string) : key;
  return full.replaceAll(',', '__');
}

/**
 * NeMo's `results:` for a single lm-eval task without groups: `tasks.<task>.metrics.<name>` with
 * one score of the same name, and `groups` the same again (NeMo's parser treats a task without
 * groups as its own group). Values and stats come from the whole-task totals.
 */
export function lmEvalTaskReport(taskName: string, totals: MetricTotals): EvaluationResult {
  // Built twice so that YAML output does not turn the repeat into an anchor and alias.
  const metrics = (): Record<string, MetricResult> => {
    const result: Record<string, MetricResult> = {};
    for (const [key, stats] of totals.get('') ?? new Map()) {
      const name = nemoMetricName(key);
      if (name !== undefined) result[name] = { scores: { [name]: scoreFromStats(stats) } };
    }
    return result;
  };
  return { tasks: { [taskName]: { metrics: metrics() } }, groups: { [taskName]: { metrics: metrics() } } };
}
