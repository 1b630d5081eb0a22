import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../../src/api/evaluate.js';
import { rescore } from '../../src/api/rescore.js';
import { readSamples } from '../helpers/read-samples.js';
import { mockServers } from '../helpers/mock-servers.js';

const server = mockServers();
afterEach(() => {
  vi.unstubAllGlobals();
});
const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-rescore-judged-'));
async function writeSamples(dir: string, lines: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  await writeFile(join(dir, 'samples.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}

/** Judge verdicts by candidate reply number i: A, B, C, unreadable, "Based on…" (read as B). */
const VERDICTS = ['A', 'B', 'C', 'no idea', 'Based on the facts: A'];

/** A simpleqa run of `n` questions, both servers closed afterwards: nothing can answer a rescore. */
async function simpleqaRun(n: number, judgeExtra: Record<string, unknown> = {}) {
  const candidate = await server({ replies: ({ prompt }) => `reply-${prompt.length % 1000}` });
  let asked = 0;
  const judge = await server({ replies: () => VERDICTS[asked++ % VERDICTS.length] as string });
  const dir = await tempDir();
  const result = await evaluate(
    { type: 'simpleqa', outputDir: dir, params: { limitSamples: n, parallelism: 1, extra: { judge: { url: judge.chatUrl, model_id: 'judge', ...judgeExtra } } } },
    { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
  );
  await Promise.all([candidate.close(), judge.close()]);
  vi.stubGlobal('fetch', () => {
    throw new Error('rescore made an HTTP request');
  });
  return { dir, result };
}

describe('rescore() of a judged task', () => {
  it('re-reads every recorded judge reply with the current grade reader, with no endpoint reachable', async () => {
    const { dir, result } = await simpleqaRun(10);
    const { evalforge: _e, ...results } = result;
    const original = await readSamples(dir);
    // As if an earlier reader had graded everything CORRECT.
    const wrong = original.map((s) => ({ ...s, extracted: { grade: 'CORRECT' }, scores: { ...s.scores, score: 1, is_correct: 1, is_incorrect: 0, is_not_attempted: 0, judge_unparsable: 0 } }));
    await writeSamples(dir, wrong);

    const outcome = await rescore(dir);
    expect(outcome.samples).toEqual({ scored: 10, rescored: 10, changed: 8, kept: 0, errors: 0 });
    expect(await readSamples(dir)).toEqual(original);
    // Same samples, same order: the report, bootstrap stderrs included, is the run's own.
    expect(outcome.result).toEqual(JSON.parse(JSON.stringify(results)));
    expect(outcome.result.groups.simpleqa?.metrics.f1?.scores.micro?.stats.stderr).toBeGreaterThan(0);
    const correct = outcome.metrics.find((m) => m.metric === 'is_correct')!;
    expect(correct).toMatchObject({ before: 1, after: 0.2, changed: 8, up: [] });
    expect(correct.down).toEqual(original.filter((s) => s.scores.is_correct === 0).map((s) => s.id));
  });

  it('keeps the recorded score where replaying is not faithful, and says why', async () => {
    const { dir } = await simpleqaRun(5, { reask_unparsable: 1 });
    const lines = await readSamples(dir);
    // Sample 3's first reply was unreadable, so the run asked again: only the last reply is recorded.
    expect(lines[3]!.details).toMatchObject({ judge_asks: 2 });
    // A recorded reply that no longer reads: the run would re-ask, which replaying cannot.
    lines[0]!.details = { judge_reply: 'unsure' };
    await writeSamples(dir, lines);
    const outcome = await rescore(dir);
    expect(outcome.samples).toMatchObject({ scored: 5, kept: 2, rescored: 3 });
    expect(outcome.kept).toEqual([
      { reason: expect.stringMatching(/no longer holds a readable verdict/), ids: [lines[0]!.id] },
      { reason: expect.stringMatching(/asked more than once/), ids: [lines[3]!.id] },
    ]);
    const after = await readSamples(dir);
    expect(after[0]).toEqual(lines[0]);
    expect(after[3]).toEqual(lines[3]);
  });
});
