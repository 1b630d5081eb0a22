import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelClient } from '../../src/adapters/model-client.js';
import type { ResolvedRun } from '../../src/core/config/resolve-run.js';
import type { ConfigParams } from '../../src/core/config/schema.js';
import type { DatasetReader } from '../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../src/core/errors.js';
import { runTask, type RunProgress } from '../../src/core/runner.js';
import type { TaskDefinition } from '../../src/core/task.js';
import { stubHarness, stubTask } from '../helpers/stub-task.js';

const noData: DatasetReader = {
  async *rows() {},
  provenance: () => [],
};

const echoClient: ModelClient = {
  generate: async () => ({ text: 'ok' }),
  close: async () => ({}),
};

async function stubRun(task: TaskDefinition<string>, params: ConfigParams): Promise<ResolvedRun> {
  return {
    harness: stubHarness('stub', [task]),
    task,
    config: { type: task.name, outputDir: await mkdtemp(join(tmpdir(), 'evalforge-runner-')), params },
    target: { apiEndpoint: { url: 'http://127.0.0.1:9/v1/chat/completions', modelId: 'm', type: 'chat' } },
  };
}

/** A run over `count` docs that records how often the docs were streamed. */
async function runOver(count: number, params: ConfigParams) {
  let docReads = 0;
  const task = stubTask('letters', {
    async *docs() {
      docReads++;
      for (let i = 0; i < count; i++) yield { id: String(i), doc: `doc ${i}` };
    },
  });
  const run = await stubRun(task, params);
  const reports: RunProgress[] = [];
  const outcome = await runTask(run, { data: noData, client: echoClient, onProgress: (p) => reports.push(p) });
  return { outcome, reports, docReads: () => docReads };
}

describe('runTask sample counting', () => {
  it('runs an integer limit_samples without counting the docs first', async () => {
    const { outcome, reports, docReads } = await runOver(10, { limitSamples: 4, parallelism: 2 });
    expect(outcome).toMatchObject({ total: 4, requested: 4, resumed: 0 });
    expect(reports.at(-1)).toMatchObject({ done: 4, total: 4 });
    expect(docReads()).toBe(1);
  });

  it('reports the number of docs as the total when they run out before the limit', async () => {
    const { outcome, reports } = await runOver(3, { limitSamples: 10, parallelism: 2 });
    expect(outcome).toMatchObject({ total: 3, requested: 3 });
    expect(reports.at(-1)).toMatchObject({ done: 3, total: 3 });
  });

  it('counts the docs for a fractional limit and without one', async () => {
    const fraction = await runOver(10, { limitSamples: 0.25, parallelism: 2 });
    expect(fraction.outcome).toMatchObject({ total: 3, requested: 3 });
    expect(fraction.reports[0]?.total).toBe(3);
    const all = await runOver(5, { parallelism: 2 });
    expect(all.outcome).toMatchObject({ total: 5, requested: 5 });
    expect(all.reports[0]?.total).toBe(5);
  });

  it('leaves no samples.jsonl when the dataset cannot be read, and an empty one when nothing was left to send', async () => {
    const unreadable = stubTask('unreadable', {
      async *docs() {
        throw new DatasetError('mmlu/test/x not found', 'mmlu/test/x');
      },
    });
    const failing = await stubRun(unreadable, { limitSamples: 5 });
    await expect(runTask(failing, { data: noData, client: echoClient })).rejects.toBeInstanceOf(DatasetError);
    expect(existsSync(join(failing.config.outputDir, 'samples.jsonl'))).toBe(false);

    const empty = await stubRun(stubTask('empty'), { limitSamples: 5 });
    const outcome = await runTask(empty, { data: noData, client: echoClient });
    expect(outcome.total).toBe(0);
    expect(existsSync(outcome.samplesPath)).toBe(true);
  });
});
