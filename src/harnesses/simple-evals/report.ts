import type { EvaluationResult, GroupResult, Score, TaskResult } from '../../core/config/schema.js';
import { emptyStats, scoreFromStats } from '../../core/results/score-stats.js';
import type { MetricStats, MetricTotals } from '../../core/task.js';

/** Per-sample metric key every simple-evals task records (upstream `SingleEvalResult.score`). */
export const SIMPLE_EVALS_SCORE_KEY = 'score';

/** How one simple-evals task's totals map onto NeMo's `results:` layout. */
export interface SimpleEvalsReportLayout {
  /** The harness `task_name`, the key of the top-level group (`mmlu`). */
  taskName: string;
  /**
   * Subsets upstream reports as extra metrics (MMLU categories). NeMo's output parser turns each
   * into a task; they are also sub-groups of the top group here.
   */
  categories: readonly string[];
  /** NVIDIA's `add_macro=True`: `macro` = unweighted mean of the categories' means. */
  macro: boolean;
  /** Finer subsets reported only as tasks `<taskName>_<subset>` (MMLU subjects); an evalforge addition. */
  detailSubsets: readonly string[];
}

/**
 * NVIDIA's `score_macro`, the unweighted mean of the category means, with `count` = samples over
 * all categories and, an evalforge addition (NeMo reports no stats), its exact standard error: the
 * categories are disjoint samples, so the mean of their means has stderr √(Σ seᵢ²) / k from the
 * categories' own (ddof 1) stderrs; no resampling is needed, and a bootstrap would only approximate
 * this. Left out when a category has a single sample (no stderr of its own).
 */
function macroScore(categories: readonly MetricStats[]): Score {
  let meanSum = 0;
  let count = 0;
  let varianceSum = 0;
  let stderrKnown = true;
  for (const stats of categories) {
    meanSum += stats.sum / stats.count;
    count += stats.count;
    const stderr = scoreFromStats(stats).stats.stderr;
    if (stderr === undefined) stderrKnown = false;
    else varianceSum += stderr ** 2;
  }
  const score: Score = { value: meanSum / categories.length, stats: { count } };
  if (stderrKnown) score.stats.stderr = Math.sqrt(varianceSum) / categories.length;
  return score;
}

/**
 * NeMo's simple-evals output parser, applied to evalforge's totals:
 * `groups[taskName].metrics.score.scores.micro` is the mean over all samples, plus `macro`
 * (macroScore) when the layout asks for it; each category with at least one sample becomes
 * `tasks[category]` and `groups[taskName].groups[category]`, each detail subset with samples
 * `tasks[<taskName>_<subset>]`, all as `metrics.score.scores.micro`. As upstream, a category without
 * samples is left out, also of the macro mean. Without any category, `tasks` repeats the group
 * (NeMo's `tasks = groups`). Stats come from `scoreFromStats` (`stddev` ddof 0, `stderr` ddof 1,
 * which NeMo calls `std`/`stderr` on category tasks and reports as 0.0 for one sample).
 */
export function reportSimpleEvals(layout: SimpleEvalsReportLayout, totals: MetricTotals): EvaluationResult {
  const subsetStats = (subset: string): MetricStats | undefined => {
    const stats = totals.get(subset)?.get(SIMPLE_EVALS_SCORE_KEY);
    return stats && stats.count > 0 ? stats : undefined;
  };
  const micro = (stats: MetricStats): { metrics: TaskResult['metrics'] } => ({
    metrics: { score: { scores: { micro: scoreFromStats(stats) } } },
  });

  const tasks: Record<string, TaskResult> = {};
  const categoryGroups: Record<string, GroupResult> = {};
  const categoryStats: MetricStats[] = [];
  for (const category of layout.categories) {
    const stats = subsetStats(category);
    if (!stats) continue;
    tasks[category] = micro(stats);
    categoryGroups[category] = micro(stats);
    categoryStats.push(stats);
  }
  for (const subset of layout.detailSubsets) {
    const stats = subsetStats(subset);
    if (stats) tasks[`${layout.taskName}_${subset}`] = micro(stats);
  }

  const scores: Record<string, Score> = { micro: scoreFromStats(subsetStats('') ?? emptyStats()) };
  if (layout.macro && categoryStats.length > 0) scores.macro = macroScore(categoryStats);
  const metrics = { score: { scores } };
  const group: GroupResult = Object.keys(categoryGroups).length > 0 ? { metrics, groups: categoryGroups } : { metrics };
  return {
    groups: { [layout.taskName]: group },
    tasks: Object.keys(tasks).length > 0 ? tasks : { [layout.taskName]: { metrics } },
  };
}
