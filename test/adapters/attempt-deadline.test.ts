import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchAttempt } from '../../src/adapters/attempt-deadline.js';

/** Starts watching an attempt; `reasons` collects what cancel was called with. */
function watch(parent: AbortSignal, timeoutMs: number) {
  const reasons: unknown[] = [];
  const end = watchAttempt(parent, timeoutMs, (reason) => reasons.push(reason));
  return { reasons, end };
}

describe('watchAttempt', () => {
  it('cancels with the parent’s reason when the parent aborts', () => {
    const parent = new AbortController();
    const attempt = watch(parent.signal, 60_000);
    const reason = new Error('stopped');
    parent.abort(reason);
    expect(attempt.reasons).toEqual([reason]);
    attempt.end();
  });

  it('cancels at once under an aborted parent', () => {
    const parent = new AbortController();
    parent.abort('gone');
    expect(watch(parent.signal, 60_000).reasons).toEqual(['gone']);
  });

  it('cancels with a TimeoutError after the timeout', async () => {
    const attempt = watch(new AbortController().signal, 20);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(attempt.reasons).toHaveLength(1);
    expect((attempt.reasons[0] as Error).name).toBe('TimeoutError');
  });

  it('after end() neither the timer nor the parent cancels', async () => {
    const parent = new AbortController();
    const attempt = watch(parent.signal, 20);
    attempt.end();
    await new Promise((resolve) => setTimeout(resolve, 60));
    parent.abort();
    expect(attempt.reasons).toEqual([]);
  });

  it('puts one listener on the parent however many attempts run under it', () => {
    const parent = new AbortController();
    const attempts = Array.from({ length: 300 }, () => watch(parent.signal, 60_000));
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
    parent.abort();
    expect(attempts.every((attempt) => attempt.reasons.length === 1)).toBe(true);
    for (const attempt of attempts) attempt.end();
  });
});
