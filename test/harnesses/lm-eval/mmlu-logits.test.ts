import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../../src/api/evaluate.js';
import type { GroupResult } from '../../../src/core/config/schema.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { Loglikelihood, MetricStats, ModelPrompt, TaskDoc } from '../../../src/core/task.js';
import { lmEvalHarness } from '../../../src/harnesses/lm-eval/framework.js';
import { LM_EVAL_MMLU_CATEGORIES, MMLU_SUBJECTS } from '../../../src/harnesses/lm-eval/mmlu-generative-data.js';
import { mmluLogits, mmluLogitsSubtask } from '../../../src/harnesses/lm-eval/mmlu-logits.js';
import { mmluDescription } from '../../../src/harnesses/lm-eval/mmlu-template.js';
import type { MmluDoc } from '../../../src/harnesses/simple-evals/mmlu-data.js';
import { createMockServer } from '../../../src/testing/index.js';
import type { MockServer, MockTokenLogprob } from '../../../src/testing/index.js';

/** Each `mmlu/default/mmlu_<subject>.yaml`'s `description` and `tag`, as PyYAML parses them (see the fixture's README). */
const YAMLS = JSON.parse(readFileSync(new URL('../../fixtures/mmlu-logits/default-yamls.json', import.meta.url), 'utf8')) as Record<string, { description: string; tag: string }>;

// Real MMLU CSVs from EVALFORGE_DATA_DIR (set by vitest.config.ts); never downloads.
const data = createDatasetReader({ offline: true });

function contextOf(prompt: ModelPrompt): string {
  if (prompt.kind !== 'loglikelihood') throw new Error(`expected a loglikelihood prompt, got ${prompt.kind}`);
  expect(prompt.requests.map((r) => r.continuation)).toEqual([' A', ' B', ' C', ' D']);
  expect(new Set(prompt.requests.map((r) => r.context)).size).toBe(1);
  return prompt.requests[0]!.context;
}

const lls = (logprobs: number[]): Loglikelihood[] => logprobs.map((logprob) => ({ logprob, isGreedy: false }));

describe('lm-eval mmlu (NeMo mmlu_logits)', () => {
  let docs: TaskDoc<MmluDoc>[];
  beforeAll(async () => {
    docs = [];
    for await (const doc of mmluLogits.docs(data)) docs.push(doc);
  });

  it('declares a 5-shot log-likelihood task for completions endpoints', () => {
    expect(mmluLogits).toMatchObject({ name: 'mmlu_logits', harness: 'lm-evaluation-harness', endpointTypes: ['completions'], requiredCapabilities: ['logprobs'] });
    expect(mmluLogits.defaults).toEqual({ extra: { num_fewshot: 5 } });
    expect(mmluLogits.reference).toMatch(/^EleutherAI\/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval\/tasks\/mmlu\/default\//);
  });

  it('reads the 14,042 test questions subject by subject in alphabetical order, each in its lm-eval task', () => {
    expect(docs).toHaveLength(14042);
    expect(docs[0]).toMatchObject({ id: 'abstract_algebra/0', subsets: ['mmlu_abstract_algebra'] });
    expect(docs.at(-1)).toMatchObject({ id: 'world_religions/170', subsets: ['mmlu_world_religions'] });
    const subjects = [...new Set(docs.map((d) => d.doc.subject))];
    expect(subjects).toEqual([...subjects].sort());
    expect(subjects).toEqual(Object.keys(YAMLS));
  });

  it('uses each subject YAML description', () => {
    for (const [subject, { description }] of Object.entries(YAMLS)) expect(mmluDescription(subject)).toBe(description);
    expect(mmluDescription('high_school_government_and_politics')).toBe('The following are multiple choice questions (with answers) about high school government and politics.\n\n');
    expect(mmluDescription('us_foreign_policy')).toBe('The following are multiple choice questions (with answers) about us foreign policy.\n\n');
  });

  it('groups each subject under the category its YAML tags it with', () => {
    for (const [subject, { tag }] of Object.entries(YAMLS)) expect(`mmlu_${LM_EVAL_MMLU_CATEGORIES[subject]}_tasks`).toBe(tag);
  });

  it('builds the exact 5-shot context of abstract_algebra doc 0', async () => {
    const prompter = await mmluLogits.createPrompter({ params: { extra: { num_fewshot: 5 } }, endpointType: 'completions', data });
    // The description, the 5 dev rows as doc_to_text + " " + letter + "\n\n", then the test question (hand-written
    // from mmlu_abstract_algebra.yaml, _default_template_yaml and the two CSVs).
    const expected =
      'The following are multiple choice questions (with answers) about abstract algebra.\n\n' +
      'Find all c in Z_3 such that Z_3[x]/(x^2 + c) is a field.\nA. 0\nB. 1\nC. 2\nD. 3\nAnswer: B\n\n' +
      'Statement 1 | If aH is an element of a factor group, then |aH| divides |a|. Statement 2 | If H and K are subgroups of G then HK is a subgroup of G.\nA. True, True\nB. False, False\nC. True, False\nD. False, True\nAnswer: B\n\n' +
      'Statement 1 | Every element of a group generates a cyclic subgroup of the group. Statement 2 | The symmetric group S_10 has 10 elements.\nA. True, True\nB. False, False\nC. True, False\nD. False, True\nAnswer: C\n\n' +
      'Statement 1| Every function from a finite set onto itself must be one to one. Statement 2 | Every subgroup of an abelian group is abelian.\nA. True, True\nB. False, False\nC. True, False\nD. False, True\nAnswer: A\n\n' +
      'Find the characteristic of the ring 2Z.\nA. 0\nB. 3\nC. 12\nD. 30\nAnswer: A\n\n' +
      'Find the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.\nA. 0\nB. 4\nC. 2\nD. 6\nAnswer:';
    expect(contextOf(prompter(docs[0]!.doc, 0))).toBe(expected);
    expect(mmluLogits.target(docs[0]!.doc)).toBe('B');
  });

  it('strips shot and test questions as Python does, keeping inner whitespace', async () => {
    const prompter = await mmluLogits.createPrompter({ params: { extra: { num_fewshot: 5 } }, endpointType: 'completions', data });
    const formalLogic = contextOf(prompter(docs.find((d) => d.id === 'formal_logic/0')!.doc, 0));
    // dev rows 0 and 2 start with a space; row 2 holds a tab and newlines.
    expect(formalLogic).toContain('about formal logic.\n\nSelect the best translation into predicate logic: No people drive on Mars.\nA. ~Pd\n');
    expect(formalLogic).toContain('\n\nSelect the best English interpretation of the given arguments in predicate logic.\nDm\n(∀x)(Wx ⊃ ~Dx)\n(∀x)Wx ∨ Ag\t/ (∃x)Ax\nA. Marina');
    const statistics = contextOf(prompter(docs.find((d) => d.id === 'high_school_statistics/0')!.doc, 0));
    // dev row 4 ends with a newline.
    expect(statistics).toContain('\nIII: {100}\nA. I, II\nB. II, III\nC. III, I\nD. III, II\nAnswer: D\n\n');
  });

  it('takes params.extra.num_fewshot first dev rows, at most the 5 there are', async () => {
    const zero = await mmluLogits.createPrompter({ params: { extra: { num_fewshot: 0 } }, endpointType: 'completions', data });
    expect(contextOf(zero(docs[0]!.doc, 0))).toBe(
      'The following are multiple choice questions (with answers) about abstract algebra.\n\nFind the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.\nA. 0\nB. 4\nC. 2\nD. 6\nAnswer:',
    );
    const two = await mmluLogits.createPrompter({ params: { extra: { num_fewshot: 2 } }, endpointType: 'completions', data });
    expect(contextOf(two(docs[0]!.doc, 0)).match(/\nAnswer: [ABCD]\n\n/g)).toEqual(['\nAnswer: B\n\n', '\nAnswer: B\n\n']);
    await expect(mmluLogits.createPrompter({ params: { extra: { num_fewshot: 6 } }, endpointType: 'completions', data })).rejects.toThrow(ConfigError);
  });

  it('scores acc: the gold letter must have the highest log-likelihood, ties going to A', () => {
    const doc = docs[0]!.doc; // gold B
    expect(mmluLogits.score(lls([-3, -1, -2, -4]), doc)).toEqual({ extracted: { answer: '1' }, scores: { 'acc,none': 1 } });
    expect(mmluLogits.score(lls([-1, -1, -2, -4]), doc)).toEqual({ extracted: { answer: '0' }, scores: { 'acc,none': 0 } });
    expect(mmluLogits.score(lls([-5, -2, -2, -4]), doc).scores).toEqual({ 'acc,none': 1 });
  });
});

describe('lm-eval mmlu report', () => {
  const stats = (values: number[]): MetricStats => ({ count: values.length, sum: values.reduce((a, b) => a + b, 0), sumSquared: values.reduce((a, b) => a + b * b, 0) });

  it('names the 57 subtasks and the five groups as lm-eval does, every acc a micro average', () => {
    const totals = new Map(
      MMLU_SUBJECTS.map((subject) => [mmluLogitsSubtask(subject), new Map([['acc,none', stats(subject === 'astronomy' ? [1, 0, 0] : [1, 1])]])]),
    );
    const result = mmluLogits.report(totals);
    expect(Object.keys(result.tasks!)).toHaveLength(57);
    expect(result.tasks!.mmlu_astronomy).toEqual({ metrics: { acc: { scores: { acc: expect.objectContaining({ value: 1 / 3 }) } } } });
    expect(Object.keys(result.groups!)).toEqual(['mmlu', 'mmlu_stem', 'mmlu_other', 'mmlu_social_sciences', 'mmlu_humanities']);
    // 115 questions, 113 right; stem: 18 subjects × 2 + astronomy's 3 = 39 questions, 37 right.
    expect(result.groups!.mmlu!.metrics.acc!.scores.acc!.value).toBeCloseTo(113 / 115, 15);
    expect(result.groups!.mmlu_stem!.metrics.acc!.scores.acc).toEqual({ value: expect.closeTo(37 / 39, 15), stats: { count: 39, stderr: expect.any(Number) } });
    expect(result.groups!.mmlu_other!.metrics.acc!.scores.acc).toEqual({ value: 1, stats: { count: 26, stderr: 0 } });
  });
});

describe('lm-eval mmlu end to end', () => {
  // A data dir laid out like the shared one: every subject has 5 dev rows and 2 test rows, except
  // abstract_algebra (stem, 4 rows) and philosophy (humanities, 2 rows).
  const ROWS: Record<string, number> = { abstract_algebra: 4 };
  /** The test docs the mock scores the gold letter highest for: all but abstract_algebra rows 1 and 3 and both philosophy rows. */
  const goldWins = (subject: string, row: number) => !(subject === 'abstract_algebra' && row % 2 === 1) && subject !== 'philosophy';
  const gold = (row: number) => 'ABCD'[row % 4]!;
  let dir: string;
  let server: MockServer | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evalforge-mmlu-logits-'));
    await mkdir(join(dir, 'data', 'mmlu', 'dev'), { recursive: true });
    await mkdir(join(dir, 'data', 'mmlu', 'test'), { recursive: true });
    for (const subject of MMLU_SUBJECTS) {
      const dev = Array.from({ length: 5 }, (_, i) => `Dev ${i} of ${subject}?,w,x,y,z,${gold(i)}\n`).join('');
      const test = Array.from({ length: ROWS[subject] ?? 2 }, (_, i) => `"Test ${i} of ${subject}?",w,x,y,z,${gold(i)}\n`).join('');
      await writeFile(join(dir, 'data', 'mmlu', 'dev', `${subject}_dev.csv`), dev);
      await writeFile(join(dir, 'data', 'mmlu', 'test', `${subject}_test.csv`), test);
    }
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports per-subject acc, the category groups and mmlu as micro averages with pooled stderr', async () => {
    // The answer token after a test question: -0.5 for the favoured letter (the gold one or the next), else -3.
    const logprobs: MockTokenLogprob = (prefix, token) => {
      const [, row, subject] = /Test (\d) of (\w+)\?\nA\. w\nB\. x\nC\. y\nD\. z\nAnswer:$/.exec(prefix) ?? [];
      if (subject === undefined) return -1;
      const favoured = goldWins(subject, Number(row)) ? gold(Number(row)) : 'ABCD'[(Number(row) + 1) % 4];
      return token === ` ${favoured}` ? -0.5 : -3;
    };
    server = await createMockServer({ logprobs });
    const outputDir = join(dir, 'out');
    const result = await evaluate(
      { type: 'mmlu_logits', outputDir, params: { parallelism: 4 } },
      { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions' } },
      { registry: new TaskRegistry([{ ...lmEvalHarness, tasks: [mmluLogits] }]), data: createDatasetReader({ dataDir: join(dir, 'data'), offline: true }) },
    );
    const acc = (entry: GroupResult | undefined) => entry?.metrics.acc?.scores.acc;

    expect(Object.keys(result.tasks)).toEqual(MMLU_SUBJECTS.filter((s) => LM_EVAL_MMLU_CATEGORIES[s] === 'stem').map(mmluLogitsSubtask).concat(
      ...(['other', 'social_sciences', 'humanities'] as const).map((c) => MMLU_SUBJECTS.filter((s) => LM_EVAL_MMLU_CATEGORIES[s] === c).map(mmluLogitsSubtask)),
    ));
    expect(acc(result.tasks.mmlu_abstract_algebra)).toMatchObject({ value: 0.5, stats: { count: 4 } });
    expect(acc(result.tasks.mmlu_philosophy)).toMatchObject({ value: 0, stats: { count: 2 } });
    expect(acc(result.tasks.mmlu_anatomy)).toMatchObject({ value: 1, stats: { count: 2, stderr: 0 } });

    // 116 questions (55 subjects × 2 + 4 + 2), 112 right. Only abstract_algebra has a non-zero
    // stderr (n 4, mean ½: se² = (4·¼/3)/4 = 1/12), so pooled = √((4−1)·(1/12)·4 / (Σn − k) / Σn).
    expect(Object.keys(result.groups)).toEqual(['mmlu', 'mmlu_stem', 'mmlu_other', 'mmlu_social_sciences', 'mmlu_humanities']);
    expect(acc(result.groups.mmlu)).toEqual({ value: expect.closeTo(112 / 116, 15), stats: { count: 116, stderr: expect.closeTo(Math.sqrt(1 / (116 - 57) / 116), 15) } });
    expect(acc(result.groups.mmlu_stem)).toEqual({ value: expect.closeTo(38 / 40, 15), stats: { count: 40, stderr: expect.closeTo(Math.sqrt(1 / (40 - 19) / 40), 15) } });
    expect(acc(result.groups.mmlu_humanities)).toEqual({ value: expect.closeTo(24 / 26, 15), stats: { count: 26, stderr: 0 } });
    expect(acc(result.groups.mmlu_other)).toEqual({ value: 1, stats: { count: 26, stderr: 0 } });
    expect(acc(result.groups.mmlu_social_sciences)).toEqual({ value: 1, stats: { count: 24, stderr: 0 } });

    const resultsFile = parseYaml(await readFile(join(outputDir, 'results.yml'), 'utf8'));
    expect(Object.keys(resultsFile.results.groups).sort()).toEqual(['mmlu', 'mmlu_humanities', 'mmlu_other', 'mmlu_social_sciences', 'mmlu_stem']);
    expect(Object.keys(resultsFile.results.tasks)).toHaveLength(57);
    expect(resultsFile.results.groups.mmlu_stem.metrics.acc.scores.acc.value).toBeCloseTo(0.95, 15);
    expect(resultsFile.results.tasks.mmlu_abstract_algebra.metrics.acc.scores.acc.value).toBe(0.5);
    const samples = (await readFile(join(outputDir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(samples).toHaveLength(116);
    expect(samples[0]).toMatchObject({ id: 'abstract_algebra/0', target: 'A', scores: { 'acc,none': 1 } });
  });

  it('refuses a chat endpoint', async () => {
    const run = evaluate(
      { type: 'mmlu_logits', outputDir: join(dir, 'chat') },
      { apiEndpoint: { url: 'http://127.0.0.1:9/v1/chat/completions', modelId: 'mock', type: 'chat' } },
      { registry: new TaskRegistry([{ ...lmEvalHarness, tasks: [mmluLogits] }]) },
    );
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/does not support endpoint type "chat"[\s\S]*prompt log-probabilities/);
  });
});
