import type { JudgeClient } from '../../adapters/judge-client.js';
import type { ChatMessage } from '../task.js';

/** What one judged sample records: the verdict, the judge's raw reply, and whether it could be read. */
export interface Verdict<T> {
  value: T;
  /** The judge's last reply, verbatim (kept in samples.jsonl). */
  reply: string;
  /** No readable verdict in any reply: `value` is the task's reference fallback. */
  unparsable: boolean;
  /** Judge calls made (1 + re-asks). */
  asks: number;
}

/** Reads a judge reply: the verdict, or the reference's fallback with `unparsable` set. */
export type VerdictReader<T> = (reply: string) => { value: T; unparsable: boolean };

/**
 * Asks the judge and reads its verdict; while the reply is unreadable and the judge's
 * `reask_unparsable` allows, asks again with `seed` 1, 2, … (so each re-ask is its own request and
 * cache entry). Judge failures (EndpointError) propagate.
 */
export async function askForVerdict<T>(
  judge: JudgeClient,
  messages: ChatMessage[],
  read: VerdictReader<T>,
  signal: AbortSignal | undefined,
): Promise<Verdict<T>> {
  const abort = signal ?? new AbortController().signal;
  let asks = 0;
  for (;;) {
    const reply = await judge.ask(messages, abort, asks === 0 ? {} : { seed: asks });
    asks++;
    const verdict = read(reply);
    if (!verdict.unparsable || asks > judge.reaskUnparsable) return { ...verdict, reply, asks };
  }
}
