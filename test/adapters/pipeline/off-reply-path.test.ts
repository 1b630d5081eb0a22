import { describe, expect, it, vi } from 'vitest';
import { drainOffReplyPath, offReplyPath } from '../../../src/adapters/pipeline/off-reply-path.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('offReplyPath', () => {
  it('runs queued work after the current turn, in order, not at once', async () => {
    const done: number[] = [];
    offReplyPath(() => done.push(1));
    offReplyPath(() => done.push(2));
    await Promise.resolve(); // microtasks (the rest of a reply's handling) come first
    expect(done).toEqual([]);
    await nextTurn();
    expect(done).toEqual([1, 2]);
  });

  it('drainOffReplyPath runs what is queued at once', () => {
    const done: number[] = [];
    offReplyPath(() => done.push(1));
    drainOffReplyPath();
    expect(done).toEqual([1]);
  });

  it('a failing piece of work is reported as a warning and the rest still runs', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const done: number[] = [];
    offReplyPath(() => {
      throw new Error('broken tally');
    });
    offReplyPath(() => done.push(2));
    await nextTurn();
    expect(done).toEqual([2]);
    expect(String(warn.mock.calls[0]?.[0])).toContain('broken tally');
    warn.mockRestore();
  });
});
