import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError, EndpointError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import { mtbenchHarness } from '../../../src/harnesses/mtbench/framework.js';
import { readSamples } from '../../helpers/read-samples.js';
import { mockServers } from '../../helpers/mock-servers.js';

const FIXTURE_DATA = join(import.meta.dirname, '..', '..', 'fixtures', 'mtbench');

const server = mockServers();
const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-mtbench-'));
const options = () => ({ registry: new TaskRegistry([mtbenchHarness]), data: createDatasetReader({ dataDir: FIXTURE_DATA, offline: true }) });

// The fixture's questions, by the start of their first turn.
const QUESTIONS: ReadonlyArray<[string, number]> = [
  ['Compose an engaging travel blog post', 81],
  ['Draft a professional email', 82],
  ['Imagine you are participating in a race', 101],
  ['The vertices of a triangle', 111],
];
// Scripted judge replies per question and turn, with the rating FastChat reads from each.
const VERDICTS: Readonly<Record<number, [string, string]>> = {
  81: ['Helpful and vivid.\n\nRating: [[7]]', '[[8.5]]'], // 7, 8.5
  82: ['A fine email, no rating here.', 'Rating: [[15]]'], // -1 (unparsable), 15 (no clamp)
  101: ['As the reference [1] says, second place.\nRating: [[6]]', 'Rating: [3]'], // 6 ([[ ]] wins over [1]), 3 (backup)
  111: ['[[10]]', 'I cannot rate this.'], // 10, -1
};
function questionOf(judgePrompt: string): number {
  const found = QUESTIONS.find(([start]) => judgePrompt.includes(start));
  if (!found) throw new Error(`judge prompt names no fixture question: ${judgePrompt.slice(0, 200)}`);
  return found[1];
}
const turnOf = (judgePrompt: string) => (judgePrompt.startsWith('[Instruction]') ? 0 : 1);
const scriptedJudge = ({ prompt }: { prompt: string }) => (VERDICTS[questionOf(prompt)] as [string, string])[turnOf(prompt)];
// The candidate answers each turn with a label of the question it was asked.
const candidateReply = ({ prompt }: { prompt: string }) => `answer to "${prompt.slice(0, 24)}"`;

describe('mtbench end to end with a candidate and a judge endpoint', () => {
  it('asks two turns, judges each with FastChat prompts, and averages the ratings without the -1s', async () => {
    const candidate = await server({ replies: candidateReply, recordRequests: true });
    const judge = await server({ replies: scriptedJudge, recordRequests: true });
    const dir = await tempDir();
    const result = await evaluate(
      { type: 'mtbench', outputDir: dir, params: { parallelism: 1, extra: { judge: { url: judge.chatUrl } } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
      options(),
    );

    // turn 1: 7, 6, 10 (82 unparsable); turn 2: 8.5, 15, 3 (111 unparsable).
    const group = result.groups.mtbench;
    expect(group?.metrics.score?.scores.turn_1?.value).toBeCloseTo(23 / 3);
    expect(group?.metrics.score?.scores.turn_2?.value).toBeCloseTo(26.5 / 3);
    expect(group?.metrics.score?.scores.average?.value).toBeCloseTo(49.5 / 6);
    expect(group?.metrics.score?.scores.average?.stats.count).toBe(6);
    expect(group?.metrics.judge_unparsable?.scores.average).toMatchObject({ value: 0.25, stats: { count: 8, sum: 2 } });
    expect(group?.metrics.judge_unparsable?.scores.turn_1?.value).toBe(0.25);
    // Per category: writing 7 | 8.5, 15; reasoning 6 | 3; math 10 | nothing.
    const category = (name: string) => group?.groups?.[name]?.metrics.score?.scores;
    expect(category('writing')?.average?.value).toBeCloseTo(30.5 / 3);
    expect(category('writing')?.turn_2?.value).toBe(11.75);
    expect(category('reasoning')?.average?.value).toBe(4.5);
    expect(category('math')?.turn_2).toMatchObject({ value: 0, stats: { count: 0 } });
    expect(category('math')?.average?.value).toBe(10);
    expect(result.tasks.mtbench?.metrics.score?.scores.average?.value).toBeCloseTo(8.25);

    // The candidate: two chat requests per question, no system message, NeMo's generation defaults.
    const asked = candidate.requests() as Array<{ messages: Array<{ role: string; content: string }>; max_tokens: number; temperature: number; top_p: number }>;
    expect(asked).toHaveLength(8);
    expect(asked[0]).toMatchObject({ max_tokens: 1024, temperature: 0, top_p: 0.0001 });
    expect(asked[0]!.messages.map((m) => m.role)).toEqual(['user']);
    expect(asked[1]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);

    // The judge: two judgments per question, NeMo's judge defaults, FastChat's messages.
    const judged = judge.requests() as Array<{ model: string; messages: Array<{ role: string; content: string }> }>;
    expect(judged).toHaveLength(8);
    for (const request of judged) expect(request).toMatchObject({ model: 'gpt-4', temperature: 0, top_p: 0.0001, max_tokens: 2048 });
    const mathTurn2 = judged.find((r) => r.messages[1]!.content.startsWith('<|The Start of Reference Answer|>') && questionOf(r.messages[1]!.content) === 111)!;
    expect(mathTurn2.messages[0]!.content).toMatch(/^Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question\. Your evaluation should consider correctness/);
    expect(mathTurn2.messages[1]!.content).toContain('### Reference answer:\nTo find the area of the triangle');
    expect(mathTurn2.messages[1]!.content).toContain('### Assistant A:\nanswer to "What\'s area of the circl"\n\n<|The End of');

    const samples = await readSamples(dir);
    const q82 = samples.find((s) => s.id === '82');
    expect(q82.response).toEqual(['answer to "Draft a professional ema"', 'answer to "Take a moment to evaluat"']);
    expect(q82.scores).toEqual({ turn_2: 15, judge_unparsable_turn_1: 1, judge_unparsable_turn_2: 0 });
    expect(q82.extracted).toEqual({ rating_turn_1: null, rating_turn_2: '15' });
    expect(q82.details).toEqual({
      judge_prompts: ['single-v1', 'single-v1-multi-turn'],
      judge_reply_turn_1: 'A fine email, no rating here.',
      judge_reply_turn_2: 'Rating: [[15]]',
    });
    const q111 = samples.find((s) => s.id === '111');
    expect(q111.details.judge_prompts).toEqual(['single-math-v1', 'single-math-v1-multi-turn']);
    expect(q111.subsets).toEqual(['math']);
    expect(JSON.parse(q111.target)[1]).toMatch(/^Since the three points are collinear/);
    expect(result.evalforge.judge?.model).toBe('gpt-4');
  });

  it('records a sample whose judge keeps failing as an error sample, and a rerun judges it', async () => {
    const candidate = await server({ replies: candidateReply });
    const failing = await server({ faults: { failFirst: 100, status: 503 } });
    const dir = await tempDir();
    const config = (url: string) => ({ type: 'mtbench', outputDir: dir, params: { limitSamples: 1, extra: { judge: { url, model_id: 'j', max_retries: 0 } } } });
    const target = { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } };
    const run = evaluate(config(failing.chatUrl), target, options());
    await expect(run).rejects.toThrow(EndpointError);
    await expect(run).rejects.toThrow(/^judge /);
    const [failed] = await readSamples(dir);
    expect(failed.error.message).toMatch(/^judge /);
    expect(failed.scores).toEqual({});

    const judge = await server({ replies: scriptedJudge });
    const result = await evaluate(config(judge.chatUrl), target, options());
    expect(result.groups.mtbench?.metrics.score?.scores.average?.value).toBe(7.75);
    // The candidate's answers came from its cache: only the judge was asked again.
    expect(candidate.stats().requests).toBe(2);
  });

  it('re-asks an unparsable judgment with a new seed when reask_unparsable allows', async () => {
    const candidate = await server({ replies: candidateReply });
    let turn1Asks = 0;
    const judge = await server({
      replies: (req) => (turnOf(req.prompt) === 0 ? (++turn1Asks === 1 ? 'hmm' : '[[4]]') : '[[5]]'),
      recordRequests: true,
    });
    const dir = await tempDir();
    const result = await evaluate(
      { type: 'mt_bench', outputDir: dir, params: { limitSamples: 1, extra: { judge: { url: judge.chatUrl, reask_unparsable: 1 } } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
      options(),
    );
    expect(result.groups.mt_bench?.metrics.score?.scores.turn_1?.value).toBe(4);
    expect(result.groups.mt_bench?.metrics.judge_unparsable?.scores.average?.value).toBe(0);
    const [sample] = await readSamples(dir);
    expect(sample.details).toMatchObject({ judge_reply_turn_1: '[[4]]', judge_asks_turn_1: 2 });
    expect((judge.requests() as Array<{ seed?: number }>).map((r) => r.seed).sort()).toEqual([1, undefined, undefined]);
  });

  it('refuses to start without a judge url, before any request', async () => {
    const candidate = await server({ defaultReply: 'x' });
    const run = evaluate({ type: 'mtbench', outputDir: await tempDir() }, { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } }, options());
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/config\.params\.extra\.judge\.url: missing/);
    expect(candidate.stats().requests).toBe(0);
  });
});
