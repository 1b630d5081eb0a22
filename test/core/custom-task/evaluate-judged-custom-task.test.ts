import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { evaluate } from '../../../src/api/evaluate.js';
import { EndpointError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer } from '../../../src/testing/index.js';
import { readSamples } from '../../helpers/read-samples.js';

const EXAMPLE = resolve('examples/custom-task/trivia-judged.yaml');
const DATA = resolve('examples/custom-task/trivia.jsonl');

/** The candidate's answer per question, the judge's reply to it, and what the example's rules read. */
const SCRIPT: Array<{ id: string; start: string; answer: string; verdict: string; capture: string | null }> = [
  { id: 'moon', start: 'Who was the first person', answer: 'Neil Armstrong', verdict: 'A', capture: 'A' },
  { id: 'hamlet', start: 'Who wrote the play', answer: 'Christopher Marlowe', verdict: 'B', capture: 'B' },
  { id: 'gold', start: 'What is the chemical symbol', answer: 'Au', verdict: 'A: CORRECT', capture: 'A' },
  { id: 'everest', start: 'What is the highest mountain', answer: "I don't know.", verdict: 'C', capture: 'C' },
  // No standalone A, B or C: unparsable, left out of the average.
  { id: 'speed', start: 'What is the speed of light', answer: '300,000 km/s', verdict: 'Hard to say.', capture: null },
  { id: 'pacific', start: 'What is the largest ocean', answer: 'Pacific', verdict: 'The answer is correct.', capture: null },
];
const byQuestion = (text: string) => {
  const found = SCRIPT.find((s) => text.includes(s.start));
  if (!found) throw new Error(`no scripted question in ${text.slice(0, 120)}`);
  return found;
};

const servers: MockServer[] = [];
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-judged-custom-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});
async function endpoints() {
  const candidate = await createMockServer({ replies: ({ prompt }) => byQuestion(prompt).answer, recordRequests: true });
  const judge = await createMockServer({ replies: ({ prompt }) => byQuestion(prompt).verdict, recordRequests: true });
  servers.push(candidate, judge);
  return { candidate, judge };
}

describe('evaluate() with the judged example task and a mock judge', () => {
  it('grades every answer through the judge and reports average, categorical counts and the unparsable share', async () => {
    const { candidate, judge } = await endpoints();
    const dir = join(scratch, 'trivia');
    const result = await evaluate(
      { type: 'custom.trivia-judged', outputDir: dir, params: { extra: { judge: { url: judge.chatUrl, model_id: 'judge-model' } } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
      { customTasks: [EXAMPLE] },
    );

    // Scores A=1, B=0, A=1, C=0 over the four readable replies; two unparsable of six.
    const metrics = result.tasks['trivia-judged']?.metrics;
    expect(metrics?.judge_score?.scores.judge_score).toMatchObject({ value: 0.5, stats: { count: 4 } });
    expect(metrics?.categorical_count?.scores).toEqual({
      A: { value: 2, stats: { count: 6, sum: 2, mean: 2 / 6 } },
      B: { value: 1, stats: { count: 6, sum: 1, mean: 1 / 6 } },
      C: { value: 1, stats: { count: 6, sum: 1, mean: 1 / 6 } },
    });
    expect(metrics?.judge_unparsable?.scores.judge_unparsable).toMatchObject({ value: 2 / 6, stats: { count: 6, sum: 2 } });
    expect(result.groups['trivia-judged']).toEqual(result.tasks['trivia-judged']);

    // The judge: one user message per answer, the YAML's judge defaults under the run's url and model.
    const judged = judge.requests() as Array<{ model: string; temperature: number; max_tokens: number; messages: Array<{ role: string; content: string }> }>;
    expect(judged).toHaveLength(6);
    const moon = judged.find((r) => r.messages[0]!.content.includes('walk on the Moon'))!;
    expect(moon).toMatchObject({ model: 'judge-model', temperature: 0, max_tokens: 8 });
    expect(moon.messages).toEqual([
      {
        role: 'user',
        content:
          'Grade the predicted answer to a question against the gold target. Minor differences in wording or spelling are fine.\n' +
          'Question: Who was the first person to walk on the Moon?\n' +
          'Gold target: Neil Armstrong\n' +
          'Predicted answer: Neil Armstrong\n' +
          'Reply with one letter: A if the predicted answer is CORRECT, B if it is INCORRECT, C if it does not attempt an answer.',
      },
    ]);
    expect((candidate.requests()[0] as { max_tokens: number }).max_tokens).toBe(64);

    const samples = await readSamples(dir);
    for (const step of SCRIPT) {
      const sample = samples.find((s) => s.id === step.id)!;
      expect(sample.extracted).toEqual({ judge: step.capture });
      expect(sample.details).toEqual({ judge_reply: step.verdict });
    }
    expect(samples.find((s) => s.id === 'speed')!.scores).toEqual({ judge_unparsable: 1 });
    expect(samples.find((s) => s.id === 'gold')!.scores).toEqual({ judge_unparsable: 0, judge_score: 1, 'judge_category:A': 1 });

    const resultsFile = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    expect(resultsFile.evalforge.judge.model).toBe('judge-model');
    expect(resultsFile.evalforge.scoring).toEqual({ unparsable_judge_replies: 'left out of judge_score, counted in judge_unparsable' });
    expect(resultsFile.evalforge.datasets).toEqual([expect.objectContaining({ source: `file:${DATA}`, rows: 6 })]);
  });

  it('scores unparsable replies with judge_unparsable_score when the YAML sets one', async () => {
    const { candidate, judge } = await endpoints();
    const yaml = parseYaml(await readFile(EXAMPLE, 'utf8'));
    const file = join(scratch, 'trivia-zero.yaml');
    await writeFile(file, stringify({ ...yaml, name: 'trivia-zero', judge_unparsable_score: 0, aggregation_functions: ['average'] }));
    await copyFile(DATA, join(scratch, 'trivia.jsonl'));
    const result = await evaluate(
      { type: 'custom.trivia-zero', outputDir: join(scratch, 'zero'), params: { extra: { judge: { url: judge.chatUrl, model_id: 'j' } } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
      { customTasks: [file] },
    );
    const metrics = result.tasks['trivia-zero']?.metrics;
    expect(metrics?.judge_score?.scores.judge_score).toMatchObject({ value: 2 / 6, stats: { count: 6 } });
    expect(metrics?.judge_unparsable?.scores.judge_unparsable?.value).toBe(2 / 6);
    expect(metrics?.categorical_count).toBeUndefined();
  });

  it('records a sample whose judge keeps failing as an error sample', async () => {
    const { candidate } = await endpoints();
    const failing = await createMockServer({ faults: { failFirst: 100, status: 500 } });
    servers.push(failing);
    const dir = join(scratch, 'failing');
    const run = evaluate(
      { type: 'custom.trivia-judged', outputDir: dir, params: { limitSamples: 1, extra: { judge: { url: failing.chatUrl, model_id: 'j', max_retries: 0 } } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
      { customTasks: [EXAMPLE] },
    );
    await expect(run).rejects.toThrow(EndpointError);
    const [sample] = await readSamples(dir);
    expect(sample!.error.message).toMatch(/^judge /);
    expect(sample!.scores).toEqual({});
  });
});
