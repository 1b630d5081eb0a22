import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelClient } from '../../src/adapters/model-client.js';
import type { ResolvedRun } from '../../src/core/config/resolve-run.js';
import type { ConfigParams } from '../../src/core/config/schema.js';
import type { DatasetReader } from '../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../src/core/errors.js';
import { planRequests, runTask, type RunProgress } from '../../src/core/runner.js';
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

describe('runTask with several samples per doc and a verifier', () => {
  /** A task over `docs` docs with `perDoc` samples each, whose verifier scores `verified` = 1 and counts its calls. */
  function repeatedTask(docs: number, perDoc: number) {
    const calls = { verify: 0, closed: 0 };
    const task = stubTask('repeated', {
      async *docs() {
        for (let i = 0; i < docs; i++) yield { id: `p${i}`, doc: `doc ${i}`, subsets: [`p${i}`] };
      },
      samplesPerDoc: () => perDoc,
      score: (response) => ({ extracted: { answer: response }, scores: {} }),
      async createVerifier() {
        return {
          async verify(scored) {
            calls.verify++;
            return { ...scored, scores: { verified: 1 }, details: { status: 'passed' } };
          },
          describe: () => ({ sandbox: { isolation: 'test' } }),
          close: async () => {
            calls.closed++;
          },
        };
      },
    });
    return { task, calls };
  }

  it('sends each repeat with its own seed, ids <doc>/<repeat>, and verifies every sample', async () => {
    const { task, calls } = repeatedTask(3, 2);
    const seen: Array<{ id?: string; seed?: number }> = [];
    const client: ModelClient = {
      generate: async (prompt, _signal, id) => {
        seen.push({ id, seed: prompt.seed });
        return { text: `reply ${id}` };
      },
      close: async () => ({}),
    };
    const run = await stubRun(task, { parallelism: 2 });
    const reports: RunProgress[] = [];
    const outcome = await runTask(run, { data: noData, client, onProgress: (p) => reports.push(p) });
    expect(outcome).toMatchObject({ total: 6, requested: 6, resumed: 0, scoring: { sandbox: { isolation: 'test' } } });
    expect(reports[0]?.total).toBe(6);
    expect(seen.map((s) => `${s.id}@${s.seed}`).sort()).toEqual(['p0/0@0', 'p0/1@1', 'p1/0@0', 'p1/1@1', 'p2/0@0', 'p2/1@1']);
    expect(calls).toEqual({ verify: 6, closed: 1 });
    const lines = (await readFile(outcome.samplesPath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.find((l) => l.id === 'p1/1')).toMatchObject({ index: 1, scores: { verified: 1 }, details: { status: 'passed' }, subsets: ['p1'] });
  });

  it('resumes per sample, limits docs not samples, and sends no seed for a single sample per doc', async () => {
    const { task } = repeatedTask(5, 3);
    const run = await stubRun(task, { parallelism: 2, limitSamples: 2 });
    const first = await runTask(run, { data: noData, client: echoClient });
    expect(first).toMatchObject({ total: 6, requested: 6 });
    const lines = (await readFile(first.samplesPath, 'utf8')).trim().split('\n');
    await writeFile(first.samplesPath, `${lines.filter((line) => !line.includes('"p1/2"')).join('\n')}\n`);
    const again = await runTask(run, { data: noData, client: echoClient });
    expect(again).toMatchObject({ total: 6, resumed: 5, requested: 1 });

    const single = repeatedTask(2, 1).task;
    const seeds: Array<number | undefined> = [];
    const client: ModelClient = {
      generate: async (prompt) => {
        seeds.push(prompt.seed);
        return { text: 'x' };
      },
      close: async () => ({}),
    };
    const outcome = await runTask(await stubRun(single, {}), { data: noData, client });
    expect(seeds).toEqual([undefined, undefined]);
    expect(outcome.total).toBe(2);
  });

  it('plans requests per sample', async () => {
    const { task } = repeatedTask(4, 5);
    const run = await stubRun(task, { limitSamples: 3 });
    expect(await planRequests(run, noData)).toEqual({ docs: 3, samples: 15, finished: 0, requests: 15 });
  });
});
