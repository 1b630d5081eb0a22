import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import type { GroupResult } from '../../../src/core/config/schema.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { ChatMessage, ModelPrompt, TaskDoc } from '../../../src/core/task.js';
import { lmEvalHarness } from '../../../src/harnesses/lm-eval/framework.js';
import { mmluGenerative, mmluGenerativeSubtask, scoreMmluGenerative } from '../../../src/harnesses/lm-eval/mmlu-generative.js';
import { mmluQuestion } from '../../../src/harnesses/lm-eval/mmlu-template.js';
import { LM_EVAL_MMLU_CATEGORIES, MMLU_SUBJECTS } from '../../../src/harnesses/lm-eval/mmlu-generative-data.js';
import type { MmluDoc } from '../../../src/harnesses/simple-evals/mmlu-data.js';
import { createMockServer } from '../../../src/testing/index.js';
import type { MockServer } from '../../../src/testing/index.js';

/**
 * `test/fixtures/mmlu-generative/reference.json`, computed by a throwaway Python script (not kept)
 * from the real MMLU CSVs in EVALFORGE_DATA_DIR (as cais/mmlu rows: `choices` list, int `answer`):
 * `doc_to_text`, `doc_to_target` and the description rendered from lm-eval's YAMLs with its Jinja
 * environment (`keep_trailing_newline`, StrictUndefined), `fewshot_context`/`build_qa_turn`
 * transcribed from api/task.py over `Message`/`maybe_delimit` from api/utils.py; scores with the
 * YAML's `until` cut, lm-eval's `RegexFilter`/`WhitespaceFilter` (filters/extraction.py) and
 * `exact_match_hf_evaluate` (NumPy 2.4), CPython 3.11.
 */
interface Reference {
  until: string[];
  patterns: string[];
  docs: Array<{ id: string; target: string; chat0: ChatMessage[]; completions0: string; chat2: ChatMessage[]; completions5: string }>;
  scoring: Array<{ response: string; gold: string; extracted: string; exact_match: number }>;
}
const REFERENCE = JSON.parse(readFileSync(new URL('../../fixtures/mmlu-generative/reference.json', import.meta.url), 'utf8')) as Reference;

// Real data from EVALFORGE_DATA_DIR (set by vitest.config.ts); never downloads.
const data = createDatasetReader({ offline: true });
let docs: TaskDoc<MmluDoc>[];
beforeAll(async () => {
  docs = [];
  for await (const doc of mmluGenerative.docs(data)) docs.push(doc);
});

const docById = (id: string) => docs.find((d) => d.id === id)!;
function completion(prompt: ModelPrompt): string {
  if (prompt.kind !== 'completions') throw new Error(`expected a completions prompt, got ${prompt.kind}`);
  return prompt.prompt;
}
function chat(prompt: ModelPrompt): ChatMessage[] {
  if (prompt.kind !== 'chat') throw new Error(`expected a chat prompt, got ${prompt.kind}`);
  return prompt.messages;
}

describe('lm-eval mmlu_generative definition and docs', () => {
  it('declares the public lm-eval task under its own name, chat first, 256 tokens, no shots', () => {
    expect(mmluGenerative).toMatchObject({ name: 'mmlu_generative', harness: 'lm-evaluation-harness', version: '3.0', endpointTypes: ['chat', 'completions'] });
    expect(mmluGenerative.defaults).toEqual({ maxNewTokens: 256 });
  });

  it('reads the 14,042 test questions subject by subject, each a subset named as its lm-eval subtask', () => {
    expect(docs).toHaveLength(14042);
    expect(docs[0]).toMatchObject({ id: 'abstract_algebra/0', subsets: ['mmlu_abstract_algebra_generative'] });
    expect(docs.at(-1)).toMatchObject({ id: 'world_religions/170', subsets: ['mmlu_world_religions_generative'] });
    expect(new Set(docs.map((d) => d.id)).size).toBe(14042);
    expect(docById('anatomy/0').doc.category).toBe('stem');
  });

  it('tags the subjects with lm-eval categories: 19 stem, 13 other, 12 social sciences, 13 humanities', () => {
    const count = (category: string) => MMLU_SUBJECTS.filter((s) => LM_EVAL_MMLU_CATEGORIES[s] === category).length;
    expect([count('stem'), count('other'), count('social_sciences'), count('humanities')]).toEqual([19, 13, 12, 13]);
    expect(MMLU_SUBJECTS).toHaveLength(57);
    expect(mmluGenerativeSubtask('us_foreign_policy')).toBe('mmlu_us_foreign_policy_generative');
  });
});

describe('lm-eval mmlu_generative prompts', () => {
  it('builds the reference zero-shot chat messages and completions text', async () => {
    const chatPrompter = await mmluGenerative.createPrompter({ params: {}, endpointType: 'chat', data });
    const textPrompter = await mmluGenerative.createPrompter({ params: {}, endpointType: 'completions', data });
    for (const expected of REFERENCE.docs) {
      const doc = docById(expected.id);
      const built = chatPrompter(doc.doc, 0);
      expect(chat(built)).toEqual(expected.chat0);
      expect(built.stop).toEqual(REFERENCE.until);
      expect(completion(textPrompter(doc.doc, 0))).toBe(expected.completions0);
      expect(mmluGenerative.target(doc.doc)).toBe(expected.target);
    }
  });

  it('takes the first n dev rows of the subject as shots when params.extra.num_fewshot asks', async () => {
    const chatPrompter = await mmluGenerative.createPrompter({ params: { extra: { num_fewshot: 2 } }, endpointType: 'chat', data });
    const textPrompter = await mmluGenerative.createPrompter({ params: { extra: { num_fewshot: 5 } }, endpointType: 'completions', data });
    for (const expected of REFERENCE.docs) {
      const doc = docById(expected.id);
      expect(chat(chatPrompter(doc.doc, 0))).toEqual(expected.chat2);
      expect(completion(textPrompter(doc.doc, 0))).toBe(expected.completions5);
    }
  });

  it('refuses more shots than the dev split has', async () => {
    await expect(mmluGenerative.createPrompter({ params: { extra: { num_fewshot: 6 } }, endpointType: 'chat', data })).rejects.toThrow(/only 5 few-shot examples/);
  });
});

describe('lm-eval mmlu_generative scoring', () => {
  it('reads the filter patterns the reference ran', () => {
    expect(REFERENCE.patterns).toEqual(['^(.*?)(?=\\n|$)', '^(.*?)\\s*$']);
  });

  it.each(REFERENCE.scoring)('$response -> $extracted', ({ response, gold, extracted, exact_match }) => {
    expect(scoreMmluGenerative(response, gold)).toEqual({ extracted: { get_response: extracted }, scores: { 'exact_match,get_response': exact_match } });
  });
});

describe('lm-eval mmlu_generative end to end', () => {
  let server: MockServer | undefined;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evalforge-mmlu-gen-'));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports subtasks, the four category groups and mmlu_generative as lm-eval names them', async () => {
    // limit_samples 2 takes the first 2 questions of every subject, as lm-eval's --limit 2.
    const firstTwo = MMLU_SUBJECTS.flatMap((subject) => docs.filter((d) => d.id.startsWith(`${subject}/`)).slice(0, 2));
    expect(firstTwo).toHaveLength(114);
    const gold = new Map(firstTwo.map((d) => [mmluQuestion(d.doc), d.doc.answer]));
    server = await createMockServer({ replies: (req) => `${gold.get(req.prompt) === 'A' ? 'A' : 'A. no'}\nbecause` });
    const result = await evaluate(
      { type: 'mmlu_generative', outputDir: dir, params: { limitSamples: 2, parallelism: 4 } },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { registry: new TaskRegistry([{ ...lmEvalHarness, tasks: [mmluGenerative] }]), data },
    );
    const right = firstTwo.filter((d) => d.doc.answer === 'A').length;
    expect(right).toBeGreaterThan(0);
    expect(right).toBeLessThan(114);
    const metric = (entry: GroupResult | undefined) => entry?.metrics.exact_match__get_response?.scores.exact_match__get_response;
    expect(Object.keys(result.tasks)).toHaveLength(57);
    expect(Object.keys(result.tasks)).toContain('mmlu_anatomy_generative');
    expect(Object.keys(result.groups).sort()).toEqual(['mmlu_generative', 'mmlu_generative::humanities', 'mmlu_generative::other', 'mmlu_generative::social sciences', 'mmlu_generative::stem']);
    expect(metric(result.groups.mmlu_generative)?.value).toBeCloseTo(right / 114, 15);
    const stemSubjects = MMLU_SUBJECTS.filter((subject) => LM_EVAL_MMLU_CATEGORIES[subject] === 'stem').length;
    expect(metric(result.groups['mmlu_generative::stem'])?.stats.count).toBe(2 * stemSubjects);
  });
});
