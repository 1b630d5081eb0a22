import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startAttemptSignal } from '../../src/adapters/attempt-signal.js';

describe('startAttemptSignal', () => {
  it('aborts with the parent’s reason when the parent aborts', () => {
    const parent = new AbortController();
    const attempt = startAttemptSignal(parent.signal, 60_000);
    const reason = new Error('stopped');
    parent.abort(reason);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe(reason);
    attempt.end();
  });

  it('is aborted from the start under an aborted parent', () => {
    const parent = new AbortController();
    parent.abort('gone');
    const attempt = startAttemptSignal(parent.signal, 60_000);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe('gone');
  });

  it('aborts with a TimeoutError after the timeout', async () => {
    const attempt = startAttemptSignal(new AbortController().signal, 20);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(attempt.signal.aborted).toBe(true);
    expect((attempt.signal.reason as Error).name).toBe('TimeoutError');
  });

  it('after end() neither the timer nor the parent aborts it', async () => {
    const parent = new AbortController();
    const attempt = startAttemptSignal(parent.signal, 20);
    attempt.end();
    await new Promise((resolve) => setTimeout(resolve, 60));
    parent.abort();
    expect(attempt.signal.aborted).toBe(false);
  });

  it('puts one listener on the parent however many attempts run under it', () => {
    const parent = new AbortController();
    const attempts = Array.from({ length: 300 }, () => startAttemptSignal(parent.signal, 60_000));
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
    parent.abort();
    expect(attempts.every((attempt) => attempt.signal.aborted)).toBe(true);
    for (const attempt of attempts) attempt.end();
  });
});
