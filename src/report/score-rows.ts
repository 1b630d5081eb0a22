import type { EvaluationResult, GroupResult, MetricResult } from '../core/config/schema.js';

/** z for a two-sided 95% normal interval. */
export const Z_95 = 1.96;

/** One score of one task or group, as the report's tables and bar charts show it. */
export interface ScoreRow {
  section: 'groups' | 'tasks';
  /** A task's name, or a group's path from its top-level group down (`['mmlu', 'stem']`). */
  path: string[];
  metric: string;
  /** The key under the metric's `scores` (`micro`, `macro`, or the metric's own name for lm-eval). */
  score: string;
  value: number;
  stderr?: number;
  count?: number;
  /** `value ± 1.96·stderr`, present exactly when `stderr` is. */
  interval?: [number, number];
}

function rowsOf(section: ScoreRow['section'], path: string[], metrics: Record<string, MetricResult>): ScoreRow[] {
  const rows: ScoreRow[] = [];
  for (const [metric, { scores }] of Object.entries(metrics)) {
    for (const [score, { value, stats }] of Object.entries(scores)) {
      const row: ScoreRow = { section, path, metric, score, value };
      if (typeof stats.stderr === 'number') {
        row.stderr = stats.stderr;
        row.interval = [value - Z_95 * stats.stderr, value + Z_95 * stats.stderr];
      }
      if (typeof stats.count === 'number') row.count = stats.count;
      rows.push(row);
    }
  }
  return rows;
}

function groupRows(path: string[], group: GroupResult): ScoreRow[] {
  const nested = Object.entries(group.groups ?? {}).flatMap(([name, child]) => groupRows([...path, name], child));
  return [...rowsOf('groups', path, group.metrics), ...nested];
}

/**
 * Every score in results.yml `results`: the groups (depth first, each group before its subgroups),
 * then the tasks. A task score that repeats a group score (same last name, metric, score key and
 * value: results.yml lists a task without subsets under both, and simple-evals' MMLU lists its
 * categories as tasks too) is left out.
 */
export function scoreRows(results: EvaluationResult): ScoreRow[] {
  const groups = Object.entries(results.groups).flatMap(([name, group]) => groupRows([name], group));
  const seen = new Set(groups.map((row) => JSON.stringify([row.path.at(-1), row.metric, row.score, row.value])));
  const tasks = Object.entries(results.tasks)
    .flatMap(([name, task]) => rowsOf('tasks', [name], task.metrics))
    .filter((row) => !seen.has(JSON.stringify([row.path.at(-1), row.metric, row.score, row.value])));
  return [...groups, ...tasks];
}
