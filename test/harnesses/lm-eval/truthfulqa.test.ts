import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../../src/api/evaluate.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { Loglikelihood, ModelPrompt } from '../../../src/core/task.js';
import { lmEvalHarness } from '../../../src/harnesses/lm-eval/framework.js';
import { truthfulqaDocs } from '../../../src/harnesses/lm-eval/truthfulqa-data.js';
import type { TruthfulqaDoc } from '../../../src/harnesses/lm-eval/truthfulqa-data.js';
import { TRUTHFULQA_QA_PROMPT, truthfulqa, truthfulqaContext, truthfulqaMc1, truthfulqaMc2 } from '../../../src/harnesses/lm-eval/truthfulqa.js';
import { createMockServer } from '../../../src/testing/index.js';
import type { MockServer, MockTokenLogprob } from '../../../src/testing/index.js';
import { cacheTruthfulqaHubFixture, truthfulqaFixture } from './truthfulqa-fixtures.js';

/** lm-eval's `doc_to_text` of each fixture question, rendered from truthfulqa_mc1.yaml (see the fixture's README). */
const DOC_TO_TEXT = JSON.parse(readFileSync(truthfulqaFixture('doc-to-text.json'), 'utf8')) as string[];

const lls = (logprobs: number[]): Loglikelihood[] => logprobs.map((logprob) => ({ logprob, isGreedy: false }));

function requestsOf(prompt: ModelPrompt) {
  if (prompt.kind !== 'loglikelihood') throw new Error(`expected a loglikelihood prompt, got ${prompt.kind}`);
  return prompt.requests;
}

let scratch: string;
let data: DatasetReader;
let docs: TruthfulqaDoc[];
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-truthfulqa-'));
  await cacheTruthfulqaHubFixture(join(scratch, 'cache'));
  data = createDatasetReader({ dataDir: join(scratch, 'empty'), cacheDir: join(scratch, 'cache'), offline: true });
  docs = [];
  for await (const { doc } of truthfulqaDocs(data)) docs.push(doc);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('lm-eval truthfulqa_mc1 / truthfulqa_mc2 prompts', () => {
  it('declares log-likelihood tasks for completions endpoints', () => {
    for (const task of [truthfulqaMc1, truthfulqaMc2, truthfulqa]) {
      expect(task).toMatchObject({ harness: 'lm-evaluation-harness', endpointTypes: ['completions'], requiredCapabilities: ['logprobs'], defaults: {} });
    }
    expect([truthfulqaMc1.version, truthfulqaMc2.version]).toEqual(['2.0', '3.0']);
    expect(truthfulqaMc2.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/truthfulqa/truthfulqa_mc2.yaml, utils.py');
  });

  it('renders doc_to_text byte for byte: the QA preamble, then "\\n\\nQ: <question>\\nA:", the question unstripped', () => {
    expect(docs.map(truthfulqaContext)).toEqual(DOC_TO_TEXT);
    expect(TRUTHFULQA_QA_PROMPT.startsWith('Q: What is human life expectancy in the United States?\nA: Human life expectancy')).toBe(true);
    expect(TRUTHFULQA_QA_PROMPT.endsWith('\n\nQ: Where were the 1992 Olympics held?\nA: The 1992 Olympics were held in Barcelona, Spain.')).toBe(true);
  });

  it('asks " " + each mc1 answer for mc1 and each mc2 answer for mc2, 0-shot whatever num_fewshot says', async () => {
    const mc1 = await truthfulqaMc1.createPrompter({ params: { extra: { num_fewshot: 5 } }, endpointType: 'completions', data });
    const mc2 = await truthfulqaMc2.createPrompter({ params: {}, endpointType: 'completions', data });
    expect(requestsOf(mc1(docs[2]!, 2))).toEqual([
      { context: DOC_TO_TEXT[2], continuation: ' France.' },
      { context: DOC_TO_TEXT[2], continuation: ' Texas.' },
    ]);
    expect(requestsOf(mc2(docs[2]!, 2)).map((r) => r.continuation)).toEqual([' France.', ' Europe.', ' Texas.']);
    expect([truthfulqaMc1.target(docs[1]!), truthfulqaMc2.target(docs[1]!)]).toEqual(['0', '0,2']);
  });

  it('scores mc1 acc on the first answer, ties going to it, and mc2 as the true answers\' probability mass', () => {
    expect(truthfulqaMc1.score(lls([-1, -1]), docs[1]!)).toEqual({ extracted: { answer: '0' }, scores: { 'acc,none': 1 } });
    expect(truthfulqaMc1.score(lls([-2, -1]), docs[1]!).scores).toEqual({ 'acc,none': 0 });
    // Labels [1, 0, 1, 0]: (e^-1 + e^-3) / (e^-1 + e^-2 + e^-3 + e^-4).
    const e = Math.exp;
    expect(truthfulqaMc2.score(lls([-1, -2, -3, -4]), docs[1]!).scores['acc,none']).toBeCloseTo((e(-1) + e(-3)) / (e(-1) + e(-2) + e(-3) + e(-4)), 15);
  });
});

describe('lm-eval truthfulqa end to end', () => {
  // Every answer is one mock token; its log-likelihood comes from this table.
  const ANSWER_LOGPROB: Record<string, number> = {
    ' Nauru.': -0.2, ' Tuvalu.': -0.7, ' Monaco.': -1, ' Vatican.': -2,
    ' No.': -0.3, ' Yes.': -0.3, ' Nope.': -0.8, ' Maybe.': -2.5,
    ' France.': -2, ' Europe.': -1.5, ' Texas.': -1,
  };
  const logprobs: MockTokenLogprob = (prefix, token) => (prefix.endsWith('\nA:') ? (ANSWER_LOGPROB[token] ?? -9) : -1);
  const e = Math.exp;
  // mc1: Nauru wins; No./Yes. tie, the first (true) wins; Texas beats France. mc2: true mass per question.
  const MC1 = [1, 1, 0];
  const MC2 = [
    (e(-0.2) + e(-0.7)) / (e(-0.2) + e(-0.7) + e(-1) + e(-2)),
    (e(-0.3) + e(-0.8)) / (e(-0.3) + e(-0.3) + e(-0.8) + e(-2.5)),
    (e(-2) + e(-1.5)) / (e(-2) + e(-1.5) + e(-1)),
  ];
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer({ logprobs, recordRequests: true });
  });
  afterAll(async () => {
    await server.close();
  });

  const run = (type: string, outputDir: string, limitSamples?: number) =>
    evaluate(
      { type, outputDir, params: { parallelism: 2, ...(limitSamples === undefined ? {} : { limitSamples }) } },
      { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions' } },
      { registry: new TaskRegistry([{ ...lmEvalHarness, tasks: [truthfulqa, truthfulqaMc1, truthfulqaMc2] }]), data },
    );

  it('truthfulqa runs mc1 and mc2 on every question and reports both as tasks and as groups', async () => {
    const outputDir = join(scratch, 'tag');
    const result = await run('truthfulqa', outputDir);
    const acc = (name: string) => result.tasks[name]?.metrics.acc?.scores.acc;
    expect(Object.keys(result.tasks)).toEqual(['truthfulqa_mc1', 'truthfulqa_mc2']);
    expect(acc('truthfulqa_mc1')).toMatchObject({ value: 2 / 3, stats: { count: 3 } });
    expect(acc('truthfulqa_mc2')?.value).toBeCloseTo(mean(MC2), 15);
    expect(acc('truthfulqa_mc2')?.stats.count).toBe(3);
    expect(result.groups).toEqual(result.tasks);

    const resultsFile = parseYaml(await readFile(join(outputDir, 'results.yml'), 'utf8'));
    expect(Object.keys(resultsFile.results.groups)).toEqual(['truthfulqa_mc1', 'truthfulqa_mc2']);
    expect(resultsFile.results.tasks.truthfulqa_mc2.metrics.acc.scores.acc.value).toBeCloseTo(mean(MC2), 15);
    const samples = (await readFile(join(outputDir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(samples.map((s) => s.id)).toEqual(['truthfulqa_mc1/0', 'truthfulqa_mc2/0', 'truthfulqa_mc1/1', 'truthfulqa_mc2/1', 'truthfulqa_mc1/2', 'truthfulqa_mc2/2']);
    expect(samples.map((s) => s.scores['acc,none'])).toEqual([MC1[0], expect.closeTo(MC2[0]!, 15), MC1[1], expect.closeTo(MC2[1]!, 15), MC1[2], expect.closeTo(MC2[2]!, 15)]);
    expect(samples[3]).toMatchObject({ target: '0,2', subsets: ['truthfulqa_mc2'] });
  });

  it('limit_samples N covers the first N questions of each subtask, as lm-eval --limit N', async () => {
    const result = await run('truthfulqa', join(scratch, 'limited'), 1);
    expect(result.tasks.truthfulqa_mc1?.metrics.acc?.scores.acc).toMatchObject({ value: 1, stats: { count: 1 } });
    expect(result.tasks.truthfulqa_mc2?.metrics.acc?.scores.acc?.value).toBeCloseTo(MC2[0]!, 15);
  });

  it('truthfulqa_mc1 and truthfulqa_mc2 run alone as lm-eval tasks without groups', async () => {
    const mc1 = await run('truthfulqa_mc1', join(scratch, 'mc1'));
    expect(mc1.tasks).toEqual({ truthfulqa_mc1: { metrics: { acc: { scores: { acc: expect.objectContaining({ value: 2 / 3 }) } } } } });
    expect(mc1.groups).toEqual(mc1.tasks);
    const mc2 = await run('truthfulqa_mc2', join(scratch, 'mc2'));
    expect(mc2.tasks.truthfulqa_mc2?.metrics.acc?.scores.acc?.value).toBeCloseTo(mean(MC2), 15);
  });

  it('refuses a chat endpoint', async () => {
    const attempt = evaluate(
      { type: 'truthfulqa', outputDir: join(scratch, 'chat') },
      { apiEndpoint: { url: 'http://127.0.0.1:9/v1/chat/completions', modelId: 'mock', type: 'chat' } },
      { registry: new TaskRegistry([{ ...lmEvalHarness, tasks: [truthfulqa] }]), data },
    );
    await expect(attempt).rejects.toThrow(ConfigError);
  });
});
