import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../../src/api/evaluate.js';
import { DatasetError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer } from '../../../src/testing/index.js';
import { readSamples } from '../../helpers/read-samples.js';

const EXAMPLE = resolve('examples/custom-task/capitals.yaml');
const DATA = resolve('examples/custom-task/capitals.jsonl');

const question = (country: string) => `What is the capital of ${country}? Answer with 'Answer: <city>'.`;

/** Scripted replies by country, and the score the example task's rules give each. */
const SCRIPT: Array<{ id: string; country: string; capital: string; reply: string; answer: string; score: number }> = [
  { id: 'fr', country: 'France', capital: 'Paris', reply: 'Answer: Paris', answer: 'Paris', score: 1 },
  // The server cuts at the stop string; ignore_case makes the lower-case answer right.
  { id: 'jp', country: 'Japan', capital: 'Tokyo', reply: 'Answer: tokyo\n\nAnswer: Kyoto', answer: 'tokyo', score: 1 },
  { id: 'ke', country: 'Kenya', capital: 'Nairobi', reply: 'Answer: Mombasa', answer: 'Mombasa', score: 0 },
  { id: 'br', country: 'Brazil', capital: 'Brasília', reply: 'Answer: Brasília', answer: 'Brasília', score: 1 },
  { id: 'au', country: 'Australia', capital: 'Canberra', reply: 'Sydney', answer: '[invalid]', score: 0 },
  // ignore_punctuation is false in the example.
  { id: 'ca', country: 'Canada', capital: 'Ottawa', reply: 'Answer: Ottawa.', answer: 'Ottawa.', score: 0 },
  { id: 'eg', country: 'Egypt', capital: 'Cairo', reply: 'Answer:   Cairo  ', answer: 'Cairo', score: 1 },
  { id: 'nz', country: 'New Zealand', capital: 'Wellington', reply: '', answer: '[invalid]', score: 0 },
];

let server: MockServer | undefined;
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-custom-e2e-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});


describe('evaluate() with a custom YAML task against the mock endpoint', () => {
  it('runs the example task and writes NeMo-layout results and full samples', async () => {
    server = await createMockServer({ replies: Object.fromEntries(SCRIPT.map((s) => [question(s.country), s.reply])), recordRequests: true });
    const dir = join(scratch, 'capitals');
    const result = await evaluate(
      { type: 'custom.capitals', outputDir: dir },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { customTasks: [EXAMPLE] },
    );

    // 4 of 8 right: mean 0.5, population stddev 0.5, stderr sqrt(8·0.25/7)/sqrt(8).
    const score = { value: 0.5, stats: { count: 8, mean: 0.5, stddev: 0.5, stderr: Math.sqrt(2 / 7) / Math.sqrt(8) } };
    const metrics = { exact_match: { scores: { exact_match: score } } };
    expect(result).toEqual({ tasks: { capitals: { metrics } }, groups: { capitals: { metrics } }, evalforge: expect.objectContaining({ samples: { total: 8, resumed: 0, requested: 8, errors: 0 } }) });

    const resultsText = await readFile(join(dir, 'results.yml'), 'utf8');
    expect(resultsText).not.toMatch(/[&*]a\d/);
    const resultsFile = parseYaml(resultsText);
    expect(resultsFile.results).toEqual({ tasks: { capitals: { metrics } }, groups: { capitals: { metrics } } });
    expect(resultsFile.results.tasks.capitals.metrics.exact_match.scores.exact_match.stats.stderr).toBeCloseTo(0.1889822365046136, 15);
    expect(resultsFile.framework_name).toBe('custom');
    expect(resultsFile.config).toMatchObject({
      type: 'custom.capitals',
      params: { max_new_tokens: 64, parallelism: 10, max_retries: 5, request_timeout: 60, temperature: 0, task: 'capitals' },
    });
    expect(resultsFile.evalforge.task).toEqual({ name: 'capitals', harness: 'custom', version: expect.stringMatching(/^[0-9a-f]{12}$/), reference: EXAMPLE });
    expect(resultsFile.evalforge.datasets).toEqual([
      { name: 'custom/capitals', source: `file:${DATA}`, read_from: DATA, rows: 8, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(resultsFile.evalforge.samples).toEqual({ total: 8, resumed: 0, requested: 8, errors: 0 });

    const samples = (await readSamples(dir)).sort((a, b) => a.index - b.index);
    expect(samples.map((s) => s.id)).toEqual(SCRIPT.map((s) => s.id));
    samples.forEach((sample, i) => {
      const s = SCRIPT[i]!;
      expect(sample).toMatchObject({
        index: i,
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: question(s.country) },
        ],
        target: s.capital,
        extracted: { answer: s.answer },
        scores: { exact_match: s.score },
      });
    });
    expect(samples[1]!.response).toBe('Answer: tokyo');

    const bodies = server.requests() as Array<Record<string, unknown>>;
    expect(bodies).toHaveLength(8);
    expect(bodies[0]).toMatchObject({ model: 'mock', max_tokens: 64, temperature: 0, stop: ['\n\n'] });
  });

  it('fails on a row the prompt cannot render before sending any request', async () => {
    await writeFile(join(scratch, 'rows.jsonl'), '{"country": "France", "capital": "Paris"}\n{"capital": "Rome"}\n');
    const yaml = (await readFile(EXAMPLE, 'utf8')).replace('./capitals.jsonl', './rows.jsonl').replace('  id_field: id\n', '');
    const taskPath = join(scratch, 'broken.yaml');
    await writeFile(taskPath, yaml);
    server = await createMockServer({ defaultReply: 'Answer: Paris' });
    const error = await evaluate(
      { type: 'capitals', outputDir: join(scratch, 'broken') },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { customTasks: [taskPath] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).message).toContain(`${join(scratch, 'rows.jsonl')}, row 2: the row has no field "country"`);
    expect(server.stats().requests).toBe(0);
  });
});
