import type { EvaluationResult, MetricResult, Score } from '../../core/config/schema.js';
import { scoreFromStats } from '../../core/results/score-stats.js';
import type { MetricTotals } from '../../core/task.js';
import { nemoMetricName } from './report.js';

/** One lm-eval group with `aggregate_metric_list: [{metric, weight_by_size: true}]`. */
export interface WeightedGroup {
  /** The group's name as lm-eval reports it (`mmlu_pro`, `mmlu_generative::stem`). */
  name: string;
  /** Its leaf tasks in lm-eval's `get_all_tasks()` order, the order the sums run in. */
  leaves: readonly string[];
}

/** How a task made of lm-eval subtasks and groups maps onto NeMo's `results:` layout. */
export interface WeightedGroupLayout {
  /** The leaf tasks; each is a subset of the run's totals, named as lm-eval names the subtask. */
  leaves: readonly string[];
  groups: readonly WeightedGroup[];
  /** The `<metric>,<filter>` keys the groups aggregate (their `aggregate_metric_list`). */
  aggregated: readonly string[];
}

/**
 * NeMo's `results:` for an lm-eval group run, as NeMo's lm-eval output parser builds it from
 * lm-eval's results JSON: `tasks` holds each leaf with samples (every metric, named by
 * `nemoMetricName`, stats from `scoreFromStats`), `groups` each group flat by name. A group's value
 * is lm-eval's `aggregate_subtask_metrics` with `weight_by_size`: Σ(leaf mean · leaf size) / Σ size
 * over the leaves that have the metric, computed in that order; its `stderr` is lm-eval's
 * `pooled_sample_stderr` over those leaves, √(Σ((n−1)·se²·n) / (Σn − k) / Σn), left out (lm-eval's
 * "N/A", NeMo's null) when a leaf has a single sample. `count` is Σ size (lm-eval's `sample_count`).
 */
export function weightedGroupReport(layout: WeightedGroupLayout, totals: MetricTotals): EvaluationResult {
  const tasks: EvaluationResult['tasks'] = {};
  for (const leaf of layout.leaves) {
    const leafTotals = totals.get(leaf);
    if (!leafTotals || leafTotals.size === 0) continue;
    const metrics: Record<string, MetricResult> = {};
    for (const [key, stats] of leafTotals) {
      const name = nemoMetricName(key);
      if (name !== undefined && stats.count > 0) metrics[name] = { scores: { [name]: scoreFromStats(stats) } };
    }
    tasks[leaf] = { metrics };
  }

  const groups: EvaluationResult['groups'] = {};
  for (const group of layout.groups) {
    const metrics: Record<string, MetricResult> = {};
    for (const key of layout.aggregated) {
      const name = nemoMetricName(key);
      const score = weightedScore(group.leaves, key, totals);
      if (name !== undefined && score) metrics[name] = { scores: { [name]: score } };
    }
    groups[group.name] = { metrics };
  }
  return { tasks, groups };
}

function weightedScore(leaves: readonly string[], key: string, totals: MetricTotals): Score | undefined {
  let weighted = 0;
  let size = 0;
  let pooled = 0;
  let pooledValid = true;
  let leavesWithMetric = 0;
  for (const leaf of leaves) {
    const stats = totals.get(leaf)?.get(key);
    if (!stats || stats.count === 0) continue;
    const mean = stats.sum / stats.count;
    weighted += mean * stats.count;
    size += stats.count;
    leavesWithMetric++;
    const stderr = scoreFromStats(stats).stats.stderr;
    if (stderr === undefined) pooledValid = false;
    else pooled += (stats.count - 1) * stderr ** 2 * stats.count;
  }
  if (leavesWithMetric === 0) return undefined;
  const score: Score = { value: weighted / size, stats: { count: size } };
  if (pooledValid) score.stats.stderr = Math.sqrt(pooled / (size - leavesWithMetric) / size);
  return score;
}
