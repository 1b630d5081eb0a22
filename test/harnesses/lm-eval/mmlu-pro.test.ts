import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import { ConfigError, DatasetError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { ModelPrompt, PromptContext, TaskDoc } from '../../../src/core/task.js';
import { lmEvalHarness } from '../../../src/harnesses/lm-eval/framework.js';
import { mmluPro, mmluProInstruct, mmluProSubtask, scoreMmluPro } from '../../../src/harnesses/lm-eval/mmlu-pro.js';
import type { MmluProDoc } from '../../../src/harnesses/lm-eval/mmlu-pro-data.js';
import { mmluProDescription, mmluProQuestion, mmluProShotAnswer } from '../../../src/harnesses/lm-eval/mmlu-pro-prompt.js';
import { createMockServer } from '../../../src/testing/index.js';
import type { MockServer } from '../../../src/testing/index.js';
import { MMLU_PRO_REFERENCE, MMLU_PRO_TEST_ROWS, MMLU_PRO_VALIDATION_ROWS, serveMmluProHub } from './mmlu-pro-fixture.js';
import type { MmluProHub } from './mmlu-pro-fixture.js';

let hub: MmluProHub;
let docs: TaskDoc<MmluProDoc>[];
beforeAll(async () => {
  hub = await serveMmluProHub();
  docs = [];
  for await (const doc of mmluPro.docs(hub.reader())) docs.push(doc);
});
afterAll(async () => {
  await hub.close();
});

const context = (params: PromptContext['params'], endpointType: PromptContext['endpointType'] = 'completions'): PromptContext => ({ params, endpointType, data: hub.reader() });

function completion(prompt: ModelPrompt): { prompt: string; stop?: string[] } {
  if (prompt.kind !== 'completions') throw new Error(`expected a completions prompt, got ${prompt.kind}`);
  return prompt;
}
function chat(prompt: ModelPrompt): { messages: unknown[]; stop?: string[] } {
  if (prompt.kind !== 'chat') throw new Error(`expected a chat prompt, got ${prompt.kind}`);
  return prompt;
}

describe('lm-eval mmlu_pro definitions', () => {
  it('declares NeMo mmlu_pro (completions, 5-shot, 2048 tokens) and mmlu_pro_instruct (chat, 0-shot, 1024 tokens)', () => {
    expect(mmluPro).toMatchObject({ name: 'mmlu_pro', harness: 'lm-evaluation-harness', version: '3.1', endpointTypes: ['completions'] });
    expect(mmluPro.defaults).toEqual({ maxNewTokens: 2048, extra: { num_fewshot: 5 } });
    expect(mmluProInstruct).toMatchObject({ name: 'mmlu_pro_instruct', harness: 'lm-evaluation-harness', version: '3.1', endpointTypes: ['chat'] });
    expect(mmluProInstruct.defaults).toEqual({ maxNewTokens: 1024, extra: { num_fewshot: 0 } });
    expect(mmluPro.reference).toMatch(/^EleutherAI\/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval\/tasks\/mmlu_pro\//);
  });

  it('names subtasks as lm-eval does', () => {
    expect(mmluProSubtask('computer science')).toBe('mmlu_pro_computer_science');
    expect(mmluProSubtask('biology')).toBe('mmlu_pro_biology');
  });
});

describe('lm-eval mmlu_pro docs', () => {
  it('groups the test rows by subtask in _mmlu_pro.yaml order, file order within, and drops unknown categories', () => {
    expect(docs.map((d) => d.id)).toEqual(MMLU_PRO_REFERENCE.lmEval.docs.map((d) => d.id));
    expect(docs.map((d) => d.id)).toEqual(['mmlu_pro_biology/0', 'mmlu_pro_biology/1', 'mmlu_pro_computer_science/0', 'mmlu_pro_law/0', 'mmlu_pro_math/0']);
    expect(docs.map((d) => d.subsets)).toEqual([['mmlu_pro_biology'], ['mmlu_pro_biology'], ['mmlu_pro_computer_science'], ['mmlu_pro_law'], ['mmlu_pro_math']]);
    expect(docs.map((d) => mmluPro.target(d.doc))).toEqual(MMLU_PRO_REFERENCE.lmEval.docs.map((d) => d.target));
    expect(docs[2]!.doc.options).toHaveLength(9);
    expect(MMLU_PRO_TEST_ROWS.some((row) => row.category === 'astrology')).toBe(true);
  });

  it('records the hub file it downloaded in provenance', async () => {
    const reader = hub.reader();
    for await (const _ of mmluPro.docs(reader));
    expect(reader.provenance()).toEqual([
      expect.objectContaining({ name: 'mmlu_pro/test', source: 'hub:TIGER-Lab/MMLU-Pro@main/data/test-00000-of-00001.parquet', rows: MMLU_PRO_TEST_ROWS.length }),
    ]);
  });
});

describe('lm-eval mmlu_pro prompts', () => {
  it('builds the reference 5-shot completions prompt: same-category validation rows, first_n, cot targets', async () => {
    const prompter = await mmluPro.createPrompter(context({ extra: { num_fewshot: 5 } }));
    docs.forEach((doc, i) => {
      const built = completion(prompter(doc.doc, i));
      expect(built.prompt).toBe(MMLU_PRO_REFERENCE.lmEval.docs[i]!.completions5);
      expect(built.stop).toEqual(['Question:']);
    });
    // The sixth biology validation row is never a shot; other categories' rows never leak in.
    const biology = completion(prompter(docs[0]!.doc, 0)).prompt;
    expect(biology).not.toContain('Biology shot six');
    expect(biology).not.toContain('Law shot');
    expect(biology.split('\n\nQuestion:\n')).toHaveLength(6);
  });

  it('uses 5 shots without params.extra (the YAML value)', async () => {
    const prompter = await mmluPro.createPrompter(context({}));
    expect(completion(prompter(docs[3]!.doc, 3)).prompt).toBe(MMLU_PRO_REFERENCE.lmEval.docs[3]!.completions5);
  });

  it('builds the reference zero-shot chat messages: description as system message, question as user message', async () => {
    const prompter = await mmluProInstruct.createPrompter(context({ extra: { num_fewshot: 0 } }, 'chat'));
    docs.forEach((doc, i) => {
      const built = chat(prompter(doc.doc, i));
      expect(built.messages).toEqual(MMLU_PRO_REFERENCE.lmEval.docs[i]!.chat0);
      expect(built.stop).toEqual(['Question:']);
    });
  });

  it('puts requested shots in chat as user/assistant turns (fewshot_as_multiturn)', async () => {
    const prompter = await mmluProInstruct.createPrompter(context({ extra: { num_fewshot: 2 } }, 'chat'));
    docs.forEach((doc, i) => expect(chat(prompter(doc.doc, i)).messages).toEqual(MMLU_PRO_REFERENCE.lmEval.docs[i]!.chat2));
  });

  it('renders the literal layout of a question and a shot', () => {
    const [row] = MMLU_PRO_TEST_ROWS;
    expect(mmluProQuestion(row!)).toBe(
      'Question:\nWhich of the following is NOT a function of the liver? \nOptions:\nA. Detoxification\nB. Bile production\nC. Glycogen storage\nD. Insulin secretion\nE. Protein synthesis\nF. Urea formation\nG. Cholesterol synthesis\nH. Storage of vitamins\nI. Plasma protein production\nJ. Iron storage\nAnswer: Let\'s think step by step.',
    );
    expect(mmluProShotAnswer({ cotContent: "A: Let's think step by step. X. A: Let's think step by step. Y." })).toBe('X. Y.');
    expect(mmluProShotAnswer({ cotContent: "A: Let's think step by step.\nX." })).toBe("A: Let's think step by step.\nX.");
    expect(mmluProDescription('computer science')).toBe(
      'The following are multiple choice questions (with answers) about computer science. Think step by step and then finish your answer with "the answer is (X)" where X is the correct letter choice.\n',
    );
  });

  it('fails with a DatasetError naming the category when its pool is shorter than the shots asked for', async () => {
    // Biology has six validation rows, law five: six shots work for biology and not for law.
    const prompter = await mmluPro.createPrompter(context({ extra: { num_fewshot: 6 } }));
    expect(completion(prompter(docs[0]!.doc, 0)).prompt.split('\n\nQuestion:\n')).toHaveLength(7);
    expect(() => prompter(docs[3]!.doc, 3)).toThrow(DatasetError);
    expect(() => prompter(docs[3]!.doc, 3)).toThrow(/mmlu_pro\/validation has 5 rows of category "law", fewer than the 6/);
  });

  it('does not read the validation split for zero shots', async () => {
    const short = await serveMmluProHub([]);
    try {
      const reader = short.reader();
      const prompter = await mmluProInstruct.createPrompter({ params: { extra: { num_fewshot: 0 } }, endpointType: 'chat', data: reader });
      expect(chat(prompter(docs[0]!.doc, 0)).messages).toHaveLength(2);
      expect(reader.provenance()).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('rejects a num_fewshot that is not a whole number', async () => {
    await expect(mmluPro.createPrompter(context({ extra: { num_fewshot: 'five' } }))).rejects.toThrow(ConfigError);
  });
});

describe('lm-eval mmlu_pro scoring', () => {
  it.each(MMLU_PRO_REFERENCE.lmEval.scoring)('$response -> $extracted', ({ response, gold, extracted, exact_match }) => {
    expect(scoreMmluPro(response, gold)).toEqual({ extracted: { 'custom-extract': extracted }, scores: { 'exact_match,custom-extract': exact_match } });
  });

  it('scores through the task with the doc gold', () => {
    expect(mmluPro.score('so the answer is (D).', docs[0]!.doc).scores).toEqual({ 'exact_match,custom-extract': 1 });
    expect(mmluProInstruct.score('so the answer is (C).', docs[0]!.doc).scores).toEqual({ 'exact_match,custom-extract': 0 });
  });
});

describe('lm-eval mmlu_pro end to end', () => {
  let server: MockServer | undefined;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evalforge-mmlu-pro-run-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const registry = () => new TaskRegistry([{ ...lmEvalHarness, tasks: [mmluPro, mmluProInstruct] }]);
  /** Right for biology and math, wrong for the others. */
  const reply = (question: string): string => {
    const row = MMLU_PRO_TEST_ROWS.find((r) => question.includes(r.question))!;
    const right = row.category === 'biology' || row.category === 'math';
    return `Reasoning.\nthe answer is (${right ? row.answer : 'J'}).\nQuestion: ignored`;
  };

  it('runs mmlu_pro_instruct on a chat endpoint and reports the subtasks and the size-weighted group', async () => {
    server = await createMockServer({ replies: (req) => reply(req.prompt), recordRequests: true });
    const out = join(dir, 'instruct');
    const result = await evaluate(
      { type: 'mmlu_pro_instruct', outputDir: out, params: { parallelism: 2 } },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { registry: registry(), data: hub.reader() },
    );
    const bodies = server.requests() as Array<{ messages: unknown[]; stop: string[]; max_tokens: number }>;
    expect(bodies).toHaveLength(5);
    expect(bodies.map((b) => b.messages)).toEqual(expect.arrayContaining(MMLU_PRO_REFERENCE.lmEval.docs.map((d) => d.chat0)));
    expect(bodies.every((b) => b.max_tokens === 1024 && JSON.stringify(b.stop) === '["Question:"]')).toBe(true);

    const score = (name: string) => result.tasks[name]?.metrics['exact_match__custom-extract']?.scores['exact_match__custom-extract'];
    expect(Object.keys(result.tasks).sort()).toEqual(['mmlu_pro_biology', 'mmlu_pro_computer_science', 'mmlu_pro_law', 'mmlu_pro_math']);
    expect(score('mmlu_pro_biology')?.value).toBe(1);
    expect(score('mmlu_pro_law')?.value).toBe(0);
    const group = result.groups.mmlu_pro?.metrics['exact_match__custom-extract']?.scores['exact_match__custom-extract'];
    // 3 of 5 right; single-sample subtasks make lm-eval's pooled stderr "N/A" (left out).
    expect(group).toEqual({ value: 0.6, stats: { count: 5 } });
    expect(Object.keys(result.groups)).toEqual(['mmlu_pro']);

    const samples = (await readFile(join(out, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(samples.find((s) => s.id === 'mmlu_pro_biology/0')).toMatchObject({ target: 'D', extracted: { 'custom-extract': 'D' }, subsets: ['mmlu_pro_biology'] });
  });

  it('runs mmlu_pro on a completions endpoint with the 5-shot prompt', async () => {
    await server?.close();
    server = await createMockServer({ replies: (req) => reply(req.prompt.slice(req.prompt.lastIndexOf('Question:\n'))), recordRequests: true });
    const result = await evaluate(
      { type: 'lm-evaluation-harness.mmlu_pro', outputDir: join(dir, 'base'), params: { parallelism: 2 } },
      { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions' } },
      { registry: registry(), data: hub.reader() },
    );
    const prompts = (server.requests() as Array<{ prompt: string; max_tokens: number }>).map((b) => b.prompt);
    expect(prompts.sort()).toEqual(MMLU_PRO_REFERENCE.lmEval.docs.map((d) => d.completions5).sort());
    expect((server.requests() as Array<{ max_tokens: number }>)[0]!.max_tokens).toBe(2048);
    expect(result.groups.mmlu_pro?.metrics['exact_match__custom-extract']?.scores['exact_match__custom-extract']?.value).toBe(0.6);
  });

  it('refuses mmlu_pro_instruct on a completions endpoint', async () => {
    await expect(
      evaluate(
        { type: 'mmlu_pro_instruct', outputDir: join(dir, 'wrong') },
        { apiEndpoint: { url: 'http://127.0.0.1:9/v1/completions', modelId: 'mock', type: 'completions' } },
        { registry: registry(), data: hub.reader() },
      ),
    ).rejects.toThrow(ConfigError);
  });
});

describe('fixture sanity', () => {
  it('keeps six biology validation rows and five of the other categories it uses', () => {
    const count = (category: string) => MMLU_PRO_VALIDATION_ROWS.filter((r) => r.category === category).length;
    expect([count('biology'), count('law'), count('math'), count('computer science')]).toEqual([6, 5, 5, 5]);
  });
});
