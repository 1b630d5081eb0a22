import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import { ConfigError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { TaskDoc } from '../../../src/core/task.js';
import { lmEvalHarness } from '../../../src/harnesses/lm-eval/framework.js';
import { mmluPro } from '../../../src/harnesses/lm-eval/mmlu-pro.js';
import type { MmluProDoc } from '../../../src/harnesses/lm-eval/mmlu-pro-data.js';
import { simpleEvalsHarness } from '../../../src/harnesses/simple-evals/framework.js';
import { scoreSimpleEvalsMmluPro, simpleEvalsMmluPro } from '../../../src/harnesses/simple-evals/mmlu-pro.js';
import { AA_ANSWER_PATTERN } from '../../../src/harnesses/simple-evals/mmlu-pro-extraction.js';
import { formatMmluProQuestion, MMLU_PRO_QUERY_TEMPLATE } from '../../../src/harnesses/simple-evals/mmlu-pro-template.js';
import { nvidiaSampleSeed } from '../../../src/harnesses/simple-evals/nvidia-seed.js';
import { createMockServer } from '../../../src/testing/index.js';
import type { MockServer } from '../../../src/testing/index.js';
import { MMLU_PRO_REFERENCE, MMLU_PRO_TEST_ROWS, serveMmluProHub } from '../lm-eval/mmlu-pro-fixture.js';
import type { MmluProHub } from '../lm-eval/mmlu-pro-fixture.js';

let hub: MmluProHub;
let docs: TaskDoc<MmluProDoc>[];
beforeAll(async () => {
  hub = await serveMmluProHub();
  docs = [];
  for await (const doc of simpleEvalsMmluPro.docs(hub.reader())) docs.push(doc);
});
afterAll(async () => {
  await hub.close();
});

describe('simple_evals mmlu_pro definition', () => {
  it('declares the NVIDIA-only task and says so', () => {
    expect(simpleEvalsMmluPro).toMatchObject({ name: 'mmlu_pro', harness: 'simple_evals', endpointTypes: ['chat'], defaults: {} });
    expect(simpleEvalsMmluPro.description).toMatch(/NVIDIA simple-evals/);
    expect(simpleEvalsMmluPro.description).toMatch(/UNVERIFIED/);
  });

  it('keeps the prompt template byte for byte (leading and trailing newline, space before the blank line)', () => {
    // The template as the search index stores evals/mmlu_pro_eval.py, JSON-escaped.
    expect(MMLU_PRO_QUERY_TEMPLATE).toBe(
      "\nAnswer the following multiple choice question. The last line of your response should be in the following format: 'Answer: A/B/C/D/E/F/G/H/I/J' (e.g. 'Answer: A'). \n\n{Question}\n\nA) {A}\nB) {B}\nC) {C}\nD) {D}\nE) {E}\nF) {F}\nG) {G}\nH) {H}\nI) {I}\nJ) {J}\n",
    );
    expect(AA_ANSWER_PATTERN).toBe('(?i)[\\*\\_]{0,2}Answer[\\*\\_]{0,2}\\s*:[\\s\\*\\_]{0,2}\\s*([A-Z])(?![a-zA-Z0-9])');
  });
});

describe('simple_evals mmlu_pro docs and prompts', () => {
  it('reads every test row in file order, unknown categories included', () => {
    expect(docs.map((d) => d.id)).toEqual(MMLU_PRO_TEST_ROWS.map((_, i) => String(i)));
    expect(docs.map((d) => simpleEvalsMmluPro.target(d.doc))).toEqual(MMLU_PRO_REFERENCE.simpleEvals.docs.map((d) => d.target));
  });

  it('builds the reference user message (options unstripped, "None" for missing ones) with the NVIDIA seed', async () => {
    const prompter = await simpleEvalsMmluPro.createPrompter({ params: {}, endpointType: 'chat', data: hub.reader() });
    docs.forEach((doc, i) => {
      expect(prompter(doc.doc, i)).toEqual({
        kind: 'chat',
        messages: [{ role: 'user', content: MMLU_PRO_REFERENCE.simpleEvals.docs[i]!.prompt }],
        seed: expect.any(Number),
      });
    });
    expect(prompter(docs[0]!.doc, 0).seed).toBe(2781248596);
    expect(prompter(docs[0]!.doc, 5).seed).toBe(MMLU_PRO_REFERENCE.simpleEvals.seeds.find(([i]) => i === 5)![1]);
    expect(formatMmluProQuestion('Q {A}', ['x'])).toContain('\n\nQ {A}\n\nA) x\nB) None\n');
  });
});

describe('simple_evals mmlu_pro scoring', () => {
  it.each(MMLU_PRO_REFERENCE.simpleEvals.scoring)('$response -> $extracted', ({ response, gold, extracted, score }) => {
    expect(scoreSimpleEvalsMmluPro(response, gold)).toEqual({ extracted: { answer: extracted }, scores: { score } });
  });
});

describe('simple_evals mmlu_pro end to end', () => {
  let server: MockServer | undefined;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evalforge-se-mmlu-pro-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const registry = () =>
    new TaskRegistry([
      { ...lmEvalHarness, tasks: [mmluPro] },
      { ...simpleEvalsHarness, tasks: [simpleEvalsMmluPro] },
    ]);

  it('finds bare mmlu_pro ambiguous between the two harnesses, as NeMo does', () => {
    expect(() => registry().resolve('mmlu_pro')).toThrow(ConfigError);
    expect(() => registry().resolve('mmlu_pro')).toThrow(/defined by several harnesses[\s\S]*lm-evaluation-harness\.mmlu_pro, simple_evals\.mmlu_pro/);
    expect(registry().resolve('simple_evals.mmlu_pro').task).toBe(simpleEvalsMmluPro);
    expect(registry().resolve('lm-evaluation-harness.mmlu_pro').task).toBe(mmluPro);
  });

  it('runs simple_evals.mmlu_pro and reports NeMo layout: score micro only, tasks = groups', async () => {
    // Right for the first three rows, then a lower-case letter (scored 0), a wrong letter, and none.
    const replies = ['Answer: D', '**Answer:** C', 'answer: C', 'Answer: b', '__Answer__: B', 'no idea'];
    server = await createMockServer({ replies: (req) => replies[MMLU_PRO_TEST_ROWS.findIndex((r) => req.prompt.includes(r.question))]!, recordRequests: true });
    const result = await evaluate(
      { type: 'simple_evals.mmlu_pro', outputDir: dir, params: { parallelism: 2 } },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { registry: registry(), data: hub.reader() },
    );
    const bodies = server.requests() as Array<{ seed: number; max_tokens: number; stop?: unknown }>;
    expect(bodies.map((b) => b.seed).sort()).toEqual(MMLU_PRO_TEST_ROWS.map((_, i) => nvidiaSampleSeed(i)).sort());
    expect(bodies.every((b) => b.max_tokens === 16384 && b.stop === undefined)).toBe(true);
    // Golds D C C B A C: three right, "b" is not "B", B is not A, nothing extracted.
    const micro = { value: 0.5, stats: expect.objectContaining({ count: 6 }) };
    expect(result.groups).toEqual({ mmlu_pro: { metrics: { score: { scores: { micro } } } } });
    expect(result.tasks).toEqual(result.groups);
  });
});
