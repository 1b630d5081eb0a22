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
 * NeMo's simple-evals output parser, applied to evalforge's totals:
 * `groups[taskName].metrics.score.scores.micro` is the mean over all samples, plus `macro` (no
 * stats) when the layout asks for it; each category with at least one sample becomes
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
  const categoryMeans: number[] = [];
  for (const category of layout.categories) {
    const stats = subsetStats(category);
    if (!stats) continue;
    tasks[category] = micro(stats);
    categoryGroups[category] = micro(stats);
    categoryMeans.push(stats.sum / stats.count);
  }
  for (const subset of layout.detailSubsets) {
    const stats = subsetStats(subset);
    if (stats) tasks[`${layout.taskName}_${subset}`] = micro(stats);
  }

  const scores: Record<string, Score> = { micro: scoreFromStats(subsetStats('') ?? emptyStats()) };
  if (layout.macro && categoryMeans.length > 0) {
    scores.macro = { value: categoryMeans.reduce((sum, mean) => sum + mean, 0) / categoryMeans.length, stats: {} };
  }
  const metrics = { score: { scores } };
  const group: GroupResult = Object.keys(categoryGroups).length > 0 ? { metrics, groups: categoryGroups } : { metrics };
  return {
    groups: { [layout.taskName]: group },
    tasks: Object.keys(tasks).length > 0 ? tasks : { [layout.taskName]: { metrics } },
  };
}
