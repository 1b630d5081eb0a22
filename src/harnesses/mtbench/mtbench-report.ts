import type { EvaluationResult, GroupResult, MetricResult, Score } from '../../core/config/schema.js';
import { emptyStats, scoreFromStats } from '../../core/results/score-stats.js';
import type { MetricStats, MetricTotals } from '../../core/task.js';

/** Per-sample score keys: a turn's rating, recorded only when the judge's reply held one. */
export const TURN_RATING_KEYS = ['turn_1', 'turn_2'] as const;
/** Per-sample 0/1 keys: whether a turn's judge reply held no rating (always recorded). */
export const TURN_UNPARSABLE_KEYS = ['judge_unparsable_turn_1', 'judge_unparsable_turn_2'] as const;

function merged(a: MetricStats, b: MetricStats): MetricStats {
  return { count: a.count + b.count, sum: a.sum + b.sum, sumSquared: a.sumSquared + b.sumSquared };
}

/**
 * `average` over both turns pooled (every remaining judgment counts once, as show_result.py's
 * "Average": not the mean of the two turn means), then `turn_1` and `turn_2`.
 */
function turnScores(totals: MetricTotals, subset: string, keys: readonly [string, string], withSum: boolean): Record<string, Score> {
  const [first, second] = keys.map((key) => totals.get(subset)?.get(key) ?? emptyStats()) as [MetricStats, MetricStats];
  const score = (stats: MetricStats): Score => {
    const result = scoreFromStats(stats);
    if (withSum) result.stats.sum = stats.sum;
    return result;
  };
  return { average: score(merged(first, second)), turn_1: score(first), turn_2: score(second) };
}

/**
 * MT-Bench's `results:` as FastChat's show_result.py computes them, in NeMo's layout (NeMo's own
 * mtbench metric names are not public): `metrics.score.scores.{average, turn_1, turn_2}` = the mean
 * rating over the judgments that gave one (FastChat drops rating -1 rows), `average` pooling both
 * turns; `metrics.judge_unparsable.scores.{average, turn_1, turn_2}` = the share of judge replies
 * without a rating (`stats.sum` = how many). Under `tasks.<name>` and `groups.<name>`; the group
 * also holds one sub-group per category (an evalforge addition: FastChat prints no per-category
 * scores) with its `score` metric.
 */
export function reportMtbench(name: string, totals: MetricTotals): EvaluationResult {
  const metrics = (): Record<string, MetricResult> => ({
    score: { scores: turnScores(totals, '', TURN_RATING_KEYS, false) },
    judge_unparsable: { scores: turnScores(totals, '', TURN_UNPARSABLE_KEYS, true) },
  });
  const categories: Record<string, GroupResult> = {};
  for (const subset of totals.keys()) {
    if (subset !== '') categories[subset] = { metrics: { score: { scores: turnScores(totals, subset, TURN_RATING_KEYS, false) } } };
  }
  const group: GroupResult = { metrics: metrics() };
  if (Object.keys(categories).length > 0) group.groups = categories;
  return { tasks: { [name]: { metrics: metrics() } }, groups: { [name]: group } };
}
