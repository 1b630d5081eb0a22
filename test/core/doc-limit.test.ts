import { describe, expect, it } from 'vitest';
import { createDocLimit } from '../../src/core/doc-limit.js';
import type { DatasetReader } from '../../src/core/datasets/dataset-reader.js';
import type { TaskDefinition, TaskDoc } from '../../src/core/task.js';

const data = {} as DatasetReader;
/** A task whose docs are a1..a5 in subtask a, then b1..b2 in subtask b. */
function task(limitPerSubtask: boolean): TaskDefinition<string> {
  const docs: TaskDoc<string>[] = [
    ...[1, 2, 3, 4, 5].map((i) => ({ id: `a${i}`, doc: `a${i}`, subtask: 'a' })),
    ...[1, 2].map((i) => ({ id: `b${i}`, doc: `b${i}`, subtask: 'b' })),
  ];
  return {
    limitPerSubtask,
    docs: async function* () {
      yield* docs;
    },
  } as unknown as TaskDefinition<string>;
}

async function admitted(limitPerSubtask: boolean, limit: number | undefined): Promise<{ ids: string[]; total: number }> {
  const t = task(limitPerSubtask);
  const docLimit = await createDocLimit(t, data, limit === undefined ? {} : { limitSamples: limit });
  const ids: string[] = [];
  for await (const item of t.docs(data)) {
    if (docLimit.done()) break;
    if (docLimit.admits(item)) ids.push(item.id);
  }
  return { ids, total: docLimit.total };
}

describe('createDocLimit', () => {
  it('takes the first N docs of the stream, or a fraction rounded up, or all', async () => {
    expect(await admitted(false, 3)).toEqual({ ids: ['a1', 'a2', 'a3'], total: 3 });
    expect(await admitted(false, 0.5)).toEqual({ ids: ['a1', 'a2', 'a3', 'a4'], total: 4 });
    expect(await admitted(false, undefined)).toEqual({ ids: ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2'], total: 7 });
  });

  it('with limitPerSubtask, applies the limit within each subtask as lm-eval --limit does', async () => {
    expect(await admitted(true, 3)).toEqual({ ids: ['a1', 'a2', 'a3', 'b1', 'b2'], total: 5 });
    // A fraction: ceil(5 × 0.5) = 3 of a, ceil(2 × 0.5) = 1 of b.
    expect(await admitted(true, 0.5)).toEqual({ ids: ['a1', 'a2', 'a3', 'b1'], total: 4 });
    // A non-integer count is truncated, as lm-eval's int(limit).
    expect(await admitted(true, 2.7)).toEqual({ ids: ['a1', 'a2', 'b1', 'b2'], total: 4 });
    expect((await admitted(true, undefined)).total).toBe(7);
  });
});
