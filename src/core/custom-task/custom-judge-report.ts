import type { EvaluationResult, MetricResult, Score } from '../config/schema.js';
import { emptyStats, scoreFromStats } from '../results/score-stats.js';
import type { MetricTotals } from '../task.js';
import { JUDGE_CATEGORY_PREFIX, JUDGE_SCORE_KEY, JUDGE_UNPARSABLE_KEY } from './custom-judge.js';
import type { CUSTOM_JUDGE_AGGREGATIONS } from './custom-task-schema.js';

type Aggregation = (typeof CUSTOM_JUDGE_AGGREGATIONS)[number];

/**
 * NeMo's `results:` for a judged custom task, in the layout of customTaskReport (`tasks.<name>` and
 * `groups.<name>` alike):
 * - `average`: `judge_score.scores.judge_score` = the mean score over the samples that have one
 *   (unparsable replies are left out unless `judge_unparsable_score` gives them one);
 * - `categorical_count`: `categorical_count.scores.<captured text>` with `value` = how many replies
 *   captured it and `stats` `{count: judged samples, sum: that number, mean: its share}`, keys
 *   sorted (Llama Stack's categorical_count);
 * - always `judge_unparsable.scores.judge_unparsable` = the share of replies that could not be read
 *   (`stats.sum` = how many).
 */
export function customJudgedTaskReport(taskName: string, aggregations: readonly Aggregation[], totals: MetricTotals): EvaluationResult {
  const all = totals.get('') ?? new Map();
  const unparsable = all.get(JUDGE_UNPARSABLE_KEY) ?? emptyStats();
  const judged = unparsable.count;
  const metrics = (): Record<string, MetricResult> => {
    const result: Record<string, MetricResult> = {};
    if (aggregations.includes('average')) result[JUDGE_SCORE_KEY] = { scores: { [JUDGE_SCORE_KEY]: scoreFromStats(all.get(JUDGE_SCORE_KEY) ?? emptyStats()) } };
    if (aggregations.includes('categorical_count')) {
      const counts: Record<string, Score> = {};
      const categories = [...all.keys()].filter((key) => key.startsWith(JUDGE_CATEGORY_PREFIX)).sort();
      for (const key of categories) {
        const count = all.get(key)?.sum ?? 0;
        counts[key.slice(JUDGE_CATEGORY_PREFIX.length)] = { value: count, stats: { count: judged, sum: count, mean: judged > 0 ? count / judged : 0 } };
      }
      result.categorical_count = { scores: counts };
    }
    const share = scoreFromStats(unparsable);
    share.stats.sum = unparsable.sum;
    result[JUDGE_UNPARSABLE_KEY] = { scores: { [JUDGE_UNPARSABLE_KEY]: share } };
    return result;
  };
  // Built twice so that YAML output does not turn the repeat into an anchor and alias.
  return { tasks: { [taskName]: { metrics: metrics() } }, groups: { [taskName]: { metrics: metrics() } } };
}
