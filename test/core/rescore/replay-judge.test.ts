import { describe, expect, it } from 'vitest';
import { JudgeReplayExhausted, replayJudge } from '../../../src/core/rescore/replay-judge.js';

describe('replayJudge', () => {
  it('answers the first ask with the recorded reply and refuses any other', async () => {
    const judge = replayJudge('A', 1);
    const signal = new AbortController().signal;
    expect(await judge.ask([{ role: 'user', content: 'q' }], signal)).toBe('A');
    await expect(judge.ask([{ role: 'user', content: 'q' }], signal, { seed: 1 })).rejects.toThrow(JudgeReplayExhausted);
    expect(judge.reaskUnparsable).toBe(1);
    expect(await judge.close()).toEqual({});
  });
});
