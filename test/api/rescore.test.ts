import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../src/api/evaluate.js';
import { rescore } from '../../src/api/rescore.js';
import { createDatasetReader } from '../../src/core/datasets/create-dataset-reader.js';
import { ConfigError, DatasetError } from '../../src/core/errors.js';
import { TaskRegistry } from '../../src/core/registry.js';
import type { TaskDefinition } from '../../src/core/task.js';
import { lmEvalHarness } from '../../src/harnesses/lm-eval/framework.js';
import { gsm8k } from '../../src/harnesses/lm-eval/gsm8k.js';
import { gsm8kDocs } from '../../src/harnesses/lm-eval/gsm8k-data.js';
import { GSM8K_TEST } from '../../src/harnesses/lm-eval/gsm8k-data.js';
import { readSamples } from '../helpers/read-samples.js';
import { mockServers } from '../helpers/mock-servers.js';

const server = mockServers();
afterEach(() => {
  vi.unstubAllGlobals();
});
const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-rescore-'));
const readResults = async (dir: string) => parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));

/** Any HTTP request during rescoring fails the test: rescoring must not call a model. */
function forbidFetch(): void {
  vi.stubGlobal('fetch', () => {
    throw new Error('rescore made an HTTP request');
  });
}

/** The gold final numbers of the first gsm8k test questions, so replies can be scripted right. */
async function gsm8kGold(n: number): Promise<Map<string, string>> {
  const gold = new Map<string, string>();
  for await (const { doc } of gsm8kDocs(createDatasetReader(), GSM8K_TEST)) {
    gold.set(doc.question, doc.answer.split('#### ')[1]!.trim());
    if (gold.size === n) break;
  }
  return gold;
}

/** gsm8k as a buggy earlier version scored it: every sample 0. */
const buggyGsm8k: TaskDefinition<any> = {
  ...gsm8k,
  version: '2.9',
  score: (response, doc) => {
    const scored = gsm8k.score(response, doc);
    return { ...scored, scores: Object.fromEntries(Object.keys(scored.scores).map((key) => [key, 0])) };
  },
};
const registryWith = (task: TaskDefinition<any>) => new TaskRegistry([{ ...lmEvalHarness, tasks: [task] }]);

/** A gsm8k run of `n` questions: even ones answered right, odd ones wrong, scored by `task`. */
async function gsm8kRun(n: number, task: TaskDefinition<any>, params: Record<string, unknown> = {}) {
  const gold = await gsm8kGold(n);
  const questions = [...gold.keys()];
  const model = await server({
    replies: ({ prompt }) => {
      const asked = prompt.slice(prompt.lastIndexOf('Question: ') + 'Question: '.length, prompt.lastIndexOf('\nAnswer:'));
      const i = questions.indexOf(asked);
      return i % 2 === 0 ? ` Easy.\n#### ${gold.get(asked)}` : ' Hmm.\n#### -1';
    },
  });
  const dir = await tempDir();
  const result = await evaluate(
    { type: 'gsm8k', outputDir: dir, params: { limitSamples: n, parallelism: 4, ...params } },
    { apiEndpoint: { url: model.completionsUrl, modelId: 'mock', type: 'completions' } },
    { registry: registryWith(task) },
  );
  return { dir, model, result };
}

describe('rescore()', () => {
  it('fixes the scores of a run scored by a buggy scorer, without any model call, and says what changed', async () => {
    const { dir, model } = await gsm8kRun(6, buggyGsm8k);
    const before = await readSamples(dir);
    expect(before.every((s) => s.scores['exact_match,strict-match'] === 0)).toBe(true);
    const requests = model.stats().requests;
    await model.close();
    forbidFetch();

    const result = await rescore(dir);
    expect(result.task).toEqual({ name: 'gsm8k', harness: 'lm-evaluation-harness', version: '3.0', recordedVersion: '2.9' });
    expect(result.samples).toEqual({ scored: 6, rescored: 6, changed: 3, kept: 0, errors: 0 });
    expect(result.promptChanged).toEqual([]);
    const strict = result.metrics.find((m) => m.metric === 'exact_match,strict-match')!;
    expect(strict).toMatchObject({ before: 0, after: 0.5, changed: 3, down: [] });
    expect(new Set(strict.up)).toEqual(new Set(before.filter((s) => s.index % 2 === 0).map((s) => s.id)));
    expect(result.reported).toContainEqual({ score: 'tasks.gsm8k.exact_match__strict-match.exact_match__strict-match', before: 0, after: 0.5 });
    expect(model.stats().requests).toBe(requests);

    // Files: samples.jsonl rescored in place (line order kept), the old ones kept as .bak.
    const after = await readSamples(dir);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after.map((s) => s.scores['exact_match,strict-match'])).toEqual(before.map((s) => (s.index % 2 === 0 ? 1 : 0)));
    expect(after.map(({ scores: _s, ...rest }) => rest)).toEqual(before.map(({ scores: _s, ...rest }) => rest));
    expect(await readFile(join(dir, 'samples.jsonl.bak'), 'utf8')).toBe(before.map((s) => `${JSON.stringify(s)}\n`).join(''));
    const results = await readResults(dir);
    expect(results.results.tasks.gsm8k.metrics['exact_match__strict-match'].scores['exact_match__strict-match']).toMatchObject({ value: 0.5, stats: { count: 6 } });
    expect(results.evalforge.task.version).toBe('3.0');
    expect(results.evalforge.rescored).toMatchObject({ from_task_version: '2.9', samples: { rescored: 6, changed: 3, kept: 0 } });
    expect(results.evalforge.samples).toEqual({ total: 6, resumed: 0, requested: 6, errors: 0 });
    expect(existsSync(join(dir, 'results.yml.bak'))).toBe(true);
    expect(result.written).toEqual([join(dir, 'samples.jsonl.bak'), join(dir, 'samples.jsonl'), join(dir, 'results.yml.bak'), join(dir, 'results.yml'), ...(existsSync(join(dir, 'report.html')) ? [join(dir, 'report.html')] : [])]);
    // The samples now carry the current version and the same prompts: a resume accepts them.
    expect(JSON.parse(await readFile(join(dir, '.evalforge-run.json'), 'utf8')).task_version).toBe('3.0');
  });

  it('reproduces a fresh run exactly: nothing changes and results.yml results are identical', async () => {
    const { dir, result: original } = await gsm8kRun(5, gsm8k);
    const { evalforge: _e, ...results } = original;
    const outcome = await rescore(dir);
    expect(outcome.samples).toMatchObject({ scored: 5, rescored: 5, changed: 0 });
    expect(outcome.metrics.every((m) => m.changed === 0)).toBe(true);
    expect(outcome.reported.every((r) => r.before === r.after)).toBe(true);
    expect(outcome.result).toEqual(JSON.parse(JSON.stringify(results)));
  });

  it('writes nothing in a dry run', async () => {
    const { dir } = await gsm8kRun(4, buggyGsm8k);
    const samples = await readFile(join(dir, 'samples.jsonl'), 'utf8');
    const results = await readFile(join(dir, 'results.yml'), 'utf8');
    const outcome = await rescore(dir, { dryRun: true });
    expect(outcome.samples.changed).toBe(2);
    expect(outcome.written).toEqual([]);
    expect(await readFile(join(dir, 'samples.jsonl'), 'utf8')).toBe(samples);
    expect(await readFile(join(dir, 'results.yml'), 'utf8')).toBe(results);
    expect(existsSync(join(dir, 'samples.jsonl.bak'))).toBe(false);
  });

  it('leaves failed lines alone, lists samples whose prompt changed, and then keeps the fingerprint', async () => {
    const { dir } = await gsm8kRun(4, gsm8k);
    const lines = await readSamples(dir);
    lines[1]!.prompt = `${lines[1]!.prompt} (edited)`;
    const failed: Record<string, any> = { ...lines[2]!, error: { message: 'HTTP 500', status: 500 }, scores: {} };
    delete failed.response;
    await writeFile(join(dir, 'samples.jsonl'), [...lines, failed].map((l) => `${JSON.stringify(l)}\n`).join(''));
    const fingerprint = await readFile(join(dir, '.evalforge-run.json'), 'utf8');
    const outcome = await rescore(dir);
    expect(outcome.promptChanged).toEqual([lines[1]!.id]);
    expect(outcome.samples).toMatchObject({ scored: 4, errors: 1 });
    expect((await readSamples(dir)).at(-1)).toEqual(failed);
    expect(await readFile(join(dir, '.evalforge-run.json'), 'utf8')).toBe(fingerprint);
  });

  it('refuses a dir without a run and samples of docs the task does not read', async () => {
    await expect(rescore(await tempDir())).rejects.toThrow(ConfigError);
    const { dir } = await gsm8kRun(2, gsm8k);
    const lines = await readSamples(dir);
    lines[0]!.id = 'no-such-doc';
    await writeFile(join(dir, 'samples.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    await expect(rescore(dir)).rejects.toThrow(DatasetError);
    await expect(rescore(dir)).rejects.toThrow(/no-such-doc/);
  });
});
