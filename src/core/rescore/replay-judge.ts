import type { JudgeClient } from '../../adapters/judge-client.js';

/** Thrown when a verifier asks the replayed judge more than the one recorded reply can answer. */
export class JudgeReplayExhausted extends Error {
  constructor() {
    super('the judge would be asked again: only one reply is recorded');
    this.name = 'JudgeReplayExhausted';
  }
}

/**
 * A JudgeClient that answers from a sample's recorded reply instead of a model: the first ask gets
 * `reply`, any further ask (a re-ask for an unreadable verdict) throws JudgeReplayExhausted, since
 * the judge never gave that answer. `reaskUnparsable` is the run's, so a verifier re-asks exactly
 * when the run would have.
 */
export function replayJudge(reply: string, reaskUnparsable: number): JudgeClient {
  let asked = false;
  return {
    async ask() {
      if (asked) throw new JudgeReplayExhausted();
      asked = true;
      return reply;
    },
    reaskUnparsable,
    close: async () => ({}),
  };
}
