import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../../src/api/evaluate.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { ifevalDocFromRow } from '../../../src/harnesses/ifeval/ifeval-data.js';
import { ifeval } from '../../../src/harnesses/ifeval/ifeval-task.js';
import { lmEvalTasks } from '../../../src/harnesses/lm-eval/index.js';
import { createMockServer, type MockServer } from '../../../src/testing/index.js';
import { loadGpt4Responses, loadIfevalInputs } from './gpt4-responses.js';
import { loadReferenceVerdicts } from './reference-verdicts-fixture.js';

let server: MockServer | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (scratch) await rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe('lm-eval ifeval task', () => {
  it('declares lm-eval\'s ifeval.yaml task and is registered with the lm-eval harness', () => {
    expect(ifeval).toMatchObject({ name: 'ifeval', harness: 'lm-evaluation-harness', version: '4.0', endpointTypes: ['chat'] });
    expect(ifeval.defaults).toEqual({ maxNewTokens: 1280, temperature: 0 });
    expect(ifeval.reference).toMatch(/^EleutherAI\/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval\/tasks\/ifeval\/ifeval\.yaml; /);
    expect(lmEvalTasks).toContain(ifeval);
  });

  it('reads the 541 prompts in file order, id = key, and sends each verbatim as the only user message', async () => {
    const docs = [];
    for await (const doc of ifeval.docs(createDatasetReader({ offline: true }))) docs.push(doc);
    expect(docs).toHaveLength(541);
    expect(docs.map((d) => d.id)).toEqual(loadIfevalInputs().map((row) => String(row.key)));
    const first = docs[0]?.doc;
    expect(first?.instructionIds).toEqual(['punctuation:no_comma', 'detectable_format:number_highlighted_sections', 'length_constraints:number_words']);
    const prompter = await ifeval.createPrompter({ params: {}, endpointType: 'chat', data: createDatasetReader({ offline: true }) });
    expect(prompter(first!, 0)).toEqual({ kind: 'chat', messages: [{ role: 'user', content: first?.prompt }] });
    expect(first?.prompt.startsWith('Write a 300+ word summary of the wikipedia page')).toBe(true);
    expect(ifeval.target(first!)).toBe('punctuation:no_comma, detectable_format:number_highlighted_sections, length_constraints:number_words');
  });

  it('scores a sample with prompt-level 0/1 values, instruction counts and per-instruction verdicts', async () => {
    const row = { key: 1, prompt: 'p', instruction_id_list: ['change_case:capital_word_frequency', 'change_case:capital_word_frequency', 'startend:quotation'], kwargs: [{ capital_frequency: 1, capital_relation: 'at least' }, { capital_frequency: 1, capital_relation: 'less than' }, {}] };
    const doc = ifevalDocFromRow({ row, rowNumber: 1, location: 'x.jsonl' });
    expect(ifeval.score('"HELLO"', doc)).toEqual({
      extracted: {
        'change_case:capital_word_frequency': 'strict=true loose=true',
        'change_case:capital_word_frequency #2': 'strict=false loose=false',
        'startend:quotation': 'strict=true loose=true',
      },
      scores: {
        'prompt_level_strict_acc,none': 0,
        'prompt_level_loose_acc,none': 0,
        inst_level_strict_followed: 2,
        inst_level_loose_followed: 2,
        inst_level_total: 3,
      },
    });
  });

  it('names the file and row of a row it cannot score', () => {
    const row = { key: 5, prompt: 'p', instruction_id_list: ['keywords:frequency'], kwargs: [{ keyword: 'x', frequency: 2 }] };
    expect(() => ifevalDocFromRow({ row, rowNumber: 3, location: 'in.jsonl' })).toThrow(DatasetError);
    expect(() => ifevalDocFromRow({ row, rowNumber: 3, location: 'in.jsonl' })).toThrow(/^in\.jsonl, row 3: instruction 1 of 1 \("keywords:frequency"\): kwargs\.relation is missing/);
    expect(() => ifevalDocFromRow({ row: { ...row, key: '5' }, rowNumber: 3, location: 'in.jsonl' })).toThrow(/field "key" is missing or not an integer/);
  });

  it('reproduces Google\'s numbers through the whole pipeline with GPT-4\'s responses replayed', async () => {
    const responses = loadGpt4Responses();
    server = await createMockServer({ replies: responses, recordRequests: true });
    scratch = await mkdtemp(join(tmpdir(), 'evalforge-ifeval-'));
    const result = await evaluate(
      { type: 'ifeval', outputDir: scratch, params: { parallelism: 16 } },
      { apiEndpoint: { url: server.chatUrl, modelId: 'gpt-4', type: 'chat' } },
    );

    const metrics = parseYaml(await readFile(join(scratch, 'results.yml'), 'utf8')).results.tasks.ifeval.metrics;
    const value = (name: string) => metrics[name].scores[name].value;
    expect(Object.keys(metrics).sort()).toEqual(['inst_level_loose_acc', 'inst_level_strict_acc', 'prompt_level_loose_acc', 'prompt_level_strict_acc']);
    expect(value('prompt_level_strict_acc')).toBe(417 / 541);
    expect(value('inst_level_strict_acc')).toBe(698 / 834);
    expect(value('prompt_level_loose_acc')).toBe(431 / 541);
    expect(value('inst_level_loose_acc')).toBe(714 / 834);
    expect([value('prompt_level_strict_acc'), value('inst_level_strict_acc'), value('prompt_level_loose_acc'), value('inst_level_loose_acc')]).toEqual([
      0.7707948243992606, 0.8369304556354916, 0.7966728280961183, 0.8561151079136691,
    ]);
    expect(metrics.prompt_level_strict_acc.scores.prompt_level_strict_acc.stats.stderr).toBeGreaterThan(0);
    // lm-eval reports none here; evalforge bootstraps over the 541 prompts (seeded, so the same every run).
    expect(metrics.inst_level_strict_acc.scores.inst_level_strict_acc.stats.stderr).toBe(0.01262108861905341);
    expect(result.groups.ifeval).toEqual(result.tasks.ifeval);

    const body = server.requests()[0] as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'gpt-4', max_tokens: 1280, temperature: 0 });
    expect(body).not.toHaveProperty('stop');

    const samples = (await readFile(join(scratch, 'samples.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; extracted: Record<string, string> });
    expect(samples).toHaveLength(541);
    const byId = new Map(samples.map((sample) => [sample.id, sample]));
    for (const expected of loadReferenceVerdicts()) {
      const verdicts = Object.values(byId.get(String(expected.key))?.extracted ?? {});
      expect(verdicts, `key ${expected.key}`).toEqual(expected.strict.map((strict, i) => `strict=${strict} loose=${expected.loose[i]}`));
    }
  }, 60_000);
});
