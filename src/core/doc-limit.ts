import type { ConfigParams } from './config/schema.js';
import type { DatasetReader } from './datasets/dataset-reader.js';
import type { TaskDefinition, TaskDoc } from './task.js';

/** Which docs of a task's stream a run covers, as NeMo's `limit_samples` selects them. */
export interface DocLimit {
  /**
   * Docs the run covers. With a plain integer limit the docs are not counted up front (so the
   * first request goes out at once): it is the limit, which the runner lowers when the docs run out.
   */
  readonly total: number;
  /** Whether the run covers `item` (called once per doc, in stream order). */
  admits(item: TaskDoc<unknown>): boolean;
  /** True once no later doc can be admitted, so reading can stop. */
  done(): boolean;
}

/** lm-eval's `--limit`: a count taken as is (its `int()`), or a fraction of the docs, rounded up. */
function allowed(limit: number, size: number): number {
  return limit >= 1 ? Math.min(Math.floor(limit), size) : Math.ceil(size * limit);
}

/**
 * The docs a run covers. `params.limit_samples` is a count (≥ 1) or a fraction (< 1) of the docs. For most
 * tasks it applies to the whole stream (the first N docs). For a task with `limitPerSubtask` (an
 * lm-eval group such as mmlu_pro, which NeMo runs with `--limit N`) it applies within each doc's
 * `subtask`, as lm-eval limits every subtask on its own: the first N docs of each.
 */
export async function createDocLimit(task: TaskDefinition<any, any>, data: DatasetReader, params: ConfigParams): Promise<DocLimit> {
  const limit = params.limitSamples;
  if (limit !== undefined && task.limitPerSubtask) return perSubtaskLimit(task, data, params, limit);
  let total: number;
  if (limit !== undefined && limit >= 1) total = Math.ceil(limit);
  else {
    let count = 0;
    for await (const _ of task.docs(data, params)) count++;
    total = limit === undefined ? count : Math.ceil(count * limit);
  }
  let admitted = 0;
  return {
    total,
    admits: () => (admitted < total ? (admitted++, true) : false),
    done: () => admitted >= total,
  };
}

async function perSubtaskLimit(task: TaskDefinition<any, any>, data: DatasetReader, params: ConfigParams, limit: number): Promise<DocLimit> {
  const sizes = new Map<string, number>();
  for await (const item of task.docs(data, params)) sizes.set(item.subtask ?? '', (sizes.get(item.subtask ?? '') ?? 0) + 1);
  const remaining = new Map([...sizes].map(([subtask, size]) => [subtask, allowed(limit, size)]));
  const total = [...remaining.values()].reduce((sum, n) => sum + n, 0);
  let admitted = 0;
  return {
    total,
    admits(item) {
      const key = item.subtask ?? '';
      const left = remaining.get(key) ?? 0;
      if (left <= 0) return false;
      remaining.set(key, left - 1);
      admitted++;
      return true;
    },
    done: () => admitted >= total,
  };
}
