import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import { MetricAccumulator } from '../../../src/core/results/metric-accumulator.js';
import { ConfigError, EndpointError } from '../../../src/core/errors.js';
import { simpleqaGraderMessages, simpleqaTask } from '../../../src/harnesses/simple-evals/simpleqa.js';
import { readSimpleqaGrade } from '../../../src/harnesses/simple-evals/simpleqa-grade.js';
import { SIMPLEQA_GRADER_TEMPLATE } from '../../../src/harnesses/simple-evals/simpleqa-grader-template.js';
import { filesUnder } from '../../helpers/files-under.js';
import { readSamples } from '../../helpers/read-samples.js';
import { mockServers } from '../../helpers/mock-servers.js';

const server = mockServers();
const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-simpleqa-'));

describe('simpleqa grader template and grade reading', () => {
  it('is upstream GRADER_TEMPLATE after .strip(), byte for byte', () => {
    // sha256 and length of the template evaluated with python3 from simpleqa_eval.py at ee3b0318.
    expect(SIMPLEQA_GRADER_TEMPLATE.length).toBe(5964);
    expect(createHash('sha256').update(SIMPLEQA_GRADER_TEMPLATE).digest('hex')).toBe('063c04ea798f91c4706c050b66a721afc77a458b12d8f0d72286d4b0eee8a3ee');
  });

  it('fills question, gold target and the whole reply, after the grader system message', () => {
    const [system, user] = simpleqaGraderMessages({ problem: 'Who? {x}', answer: 'Ada' }, 'It was Ada {y}.');
    expect(system).toEqual({ role: 'system', content: 'You are a helpful assistant.' });
    expect(user!.content).toContain('```\nQuestion: Who? {x}\nGold target: Ada\nPredicted answer: It was Ada {y}.\n```');
  });

  it('reads the first capital A, B or C anywhere, else NOT_ATTEMPTED (unparsable)', () => {
    expect(readSimpleqaGrade('A')).toEqual({ value: 'CORRECT', unparsable: false });
    expect(readSimpleqaGrade('B')).toEqual({ value: 'INCORRECT', unparsable: false });
    // "CORRECT" holds a C first; "Based on" a B: upstream's regex reads them so.
    expect(readSimpleqaGrade('CORRECT')).toEqual({ value: 'NOT_ATTEMPTED', unparsable: false });
    expect(readSimpleqaGrade('Based on the answer: A')).toEqual({ value: 'INCORRECT', unparsable: false });
    expect(readSimpleqaGrade('the answer is a')).toEqual({ value: 'NOT_ATTEMPTED', unparsable: true });
    expect(readSimpleqaGrade('')).toEqual({ value: 'NOT_ATTEMPTED', unparsable: true });
  });
});

describe('simpleqa end to end with a judge endpoint', () => {
  // Candidate answers by question index i: the judge script says A for i%5==0, B for 1, C for 2,
  // an unparsable "no idea" for 3, and "Based on…" (read as B) for 4.
  const judgeReply = (prompt: string): string => {
    const predicted = /Predicted answer: reply-(\d+)\n/.exec(prompt)?.[1];
    switch (Number(predicted) % 5) {
      case 0: return 'A';
      case 1: return 'B';
      case 2: return 'C';
      case 3: return 'no idea';
      default: return 'Based on the facts: A';
    }
  };

  it('grades every sample through the judge, reports upstream metrics and the unparsable share', async () => {
    const questions: string[] = [];
    const candidate = await server({ replies: ({ prompt }) => `reply-${questions.push(prompt) - 1}` });
    const judge = await server({ replies: ({ prompt }) => judgeReply(prompt), recordRequests: true });
    const dir = await tempDir();
    const result = await evaluate(
      { type: 'simpleqa', outputDir: dir, params: { limitSamples: 10, parallelism: 1, extra: { judge: { url: judge.chatUrl, model_id: 'judge-model', api_key_name: 'JUDGE_KEY' } } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
      { env: { JUDGE_KEY: 'sk-judge-secret-123' } },
    );
    // 10 samples: grades A,B,C,C(unparsable),B per five.
    const group = result.groups?.simpleqa?.metrics;
    expect(group?.score?.scores.micro?.value).toBeCloseTo(0.2);
    expect(result.tasks?.is_incorrect?.metrics.score?.scores.micro?.value).toBeCloseTo(0.4);
    expect(result.tasks?.is_not_attempted?.metrics.score?.scores.micro?.value).toBeCloseTo(0.4);
    expect(group?.accuracy_given_attempted?.scores.micro?.value).toBeCloseTo(0.2 / 0.6);
    expect(group?.f1?.scores.micro?.value).toBeCloseTo((2 * (1 / 3) * 0.2) / (1 / 3 + 0.2));
    expect(group?.judge_unparsable?.scores.micro?.value).toBeCloseTo(0.2);

    const samples = await readSamples(dir);
    expect(samples[3].details.judge_reply).toBe('no idea');
    expect(samples[3].extracted).toEqual({ grade: 'NOT_ATTEMPTED' });
    const judged = judge.requests() as Array<{ model: string; messages: Array<{ role: string }>; temperature: number; max_tokens: number }>;
    expect(judged).toHaveLength(10);
    expect(judged[0]).toMatchObject({ model: 'judge-model', temperature: 0, top_p: 0.0001, max_tokens: 1024 });
    expect(judged[0]!.messages.map((m) => m.role)).toEqual(['system', 'user']);

    // The judge's cache and report live apart from the candidate's; its key is nowhere on disk.
    const files = await filesUnder(dir);
    expect(files.some((f) => f.startsWith(join(dir, 'judge', 'cache')))).toBe(true);
    for (const file of files) expect(await readFile(file, 'utf8')).not.toContain('sk-judge-secret-123');
    expect(result.evalforge?.judge?.model).toBe('judge-model');
    expect(result.evalforge?.judge?.interceptors.response_stats).toMatchObject({ count: 10 });
  });

  it('re-asks an unreadable verdict with a new seed when reask_unparsable allows', async () => {
    const candidate = await server({ defaultReply: 'reply-3' });
    let asked = 0;
    const judge = await server({ replies: () => (++asked === 1 ? 'hmm' : 'A'), recordRequests: true });
    const dir = await tempDir();
    const result = await evaluate(
      { type: 'simpleqa', outputDir: dir, params: { limitSamples: 1, extra: { judge: { url: judge.chatUrl, model_id: 'j', reask_unparsable: 2 } } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
    );
    expect(result.groups?.simpleqa?.metrics.score?.scores.micro?.value).toBe(1);
    expect((judge.requests() as Array<{ seed?: number }>).map((r) => r.seed)).toEqual([undefined, 1]);
    expect((await readSamples(dir))[0].details).toEqual({ judge_reply: 'A', judge_asks: 2 });
  });

  it('refuses to start without a judge, before any request', async () => {
    const candidate = await server({ defaultReply: 'x' });
    const run = evaluate({ type: 'simpleqa', outputDir: await tempDir(), params: { limitSamples: 2 } }, { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/config\.params\.extra\.judge\.url: missing/);
    expect(candidate.stats().requests).toBe(0);
  });

  it('takes the judge from target.judge, the task params overriding it field by field', async () => {
    const candidate = await server({ defaultReply: 'reply-0' });
    const judge = await server({ defaultReply: 'A', recordRequests: true });
    await evaluate(
      { type: 'simpleqa', outputDir: await tempDir(), params: { limitSamples: 1, extra: { judge: { max_tokens: 7 } } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' }, judge: { url: judge.chatUrl, model_id: 'global-judge' } },
    );
    expect(judge.requests()[0]).toMatchObject({ model: 'global-judge', max_tokens: 7 });
  });

  it('records a sample whose judge keeps failing as an error sample, and a rerun grades it', async () => {
    const candidate = await server({ defaultReply: 'reply-0' });
    const failing = await server({ faults: { failFirst: 100, status: 503 } });
    const dir = await tempDir();
    const judgeAt = (url: string) => ({ url, model_id: 'j', max_retries: 0 });
    const run = evaluate(
      { type: 'simpleqa', outputDir: dir, params: { limitSamples: 2, parallelism: 1, extra: { judge: judgeAt(failing.chatUrl) } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
    );
    await expect(run).rejects.toThrow(EndpointError);
    await expect(run).rejects.toThrow(/^judge /);
    expect((await readSamples(dir))[0].error.message).toMatch(/^judge /);

    const judge = await server({ defaultReply: 'A' });
    const result = await evaluate(
      { type: 'simpleqa', outputDir: dir, params: { limitSamples: 2, parallelism: 1, extra: { judge: judgeAt(judge.chatUrl) } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
    );
    expect(result.groups?.simpleqa?.metrics.score?.scores.micro?.value).toBe(1);
  });

  it('is declared as the simple_evals simpleqa task with NeMo judge defaults', () => {
    expect(simpleqaTask.judge).toEqual({ request_timeout: 600, max_retries: 16, temperature: 0, top_p: 0.0001, max_tokens: 1024 });
    expect(simpleqaTask.endpointTypes).toEqual(['chat']);
  });
});

describe('simpleqa report statistics', () => {
  /** The grades of the bootstrap reference in test/core/stats/bootstrap.test.ts (C, I, N). */
  const GRADES = 'CINCCINNCICCINCICNCCICNC'.split('');
  const scoresOf = (grade: string) => ({
    score: grade === 'C' ? 1 : 0,
    is_correct: grade === 'C' ? 1 : 0,
    is_incorrect: grade === 'I' ? 1 : 0,
    is_not_attempted: grade === 'N' ? 1 : 0,
    judge_unparsable: 0,
  });

  it('gives accuracy_given_attempted and f1 a count and lm-eval-scheme bootstrap stderr, whatever order samples finished in', () => {
    const accumulator = new MetricAccumulator(simpleqaTask.sampleValueKeys);
    // Added in a scrambled order (as parallel requests finish); positions restore the doc order.
    const order = GRADES.map((_, i) => (i * 7) % GRADES.length);
    for (const i of order) accumulator.add(scoresOf(GRADES[i] as string), [], i);
    const metrics = simpleqaTask.report(accumulator.snapshot()).groups.simpleqa?.metrics;
    // Reference values: lm-eval's bootstrap_stderr scheme over the grades in CPython (1000 resamples, Random(0)).
    expect(metrics?.f1?.scores.micro?.stats).toEqual({ count: 24, stderr: 0.10523353341360009 });
    expect(metrics?.accuracy_given_attempted?.scores.micro?.stats).toEqual({ count: 24, stderr: 0.11716402197956592 });
    expect(metrics?.accuracy_given_attempted?.scores.micro?.value).toBeCloseTo(12 / 18, 15);
    expect(metrics?.score?.scores.micro?.stats).toMatchObject({ count: 24, stderr: expect.any(Number) });
  });

  it('reports the figures with a count but no stderr when the per-sample values were not kept', () => {
    const accumulator = new MetricAccumulator();
    for (const grade of GRADES) accumulator.add(scoresOf(grade));
    const metrics = simpleqaTask.report(accumulator.snapshot()).groups.simpleqa?.metrics;
    expect(metrics?.f1?.scores.micro?.stats).toEqual({ count: 24 });
  });
});
