import type { MockReplies, MockReplyRequest } from './mock-server-options.js';

export type ReplySource = (req: MockReplyRequest) => string | Promise<string>;

/**
 * Turns the `replies` option into one lookup: exact-key match in a record (own keys only, so a
 * prompt like "constructor" is not found on the prototype) or Map, or the user's function, with
 * `defaultReply` for misses. A function returning anything but a string is a bug in the test that
 * wrote it, reported as a 500 naming the prompt.
 */
export function createReplySource(replies: MockReplies | undefined, defaultReply: string): ReplySource {
  if (replies === undefined) return () => defaultReply;
  if (typeof replies === 'function') return checkedReply(replies);
  if (replies instanceof Map) return (req) => replies.get(req.prompt) ?? defaultReply;
  const table = replies as Readonly<Record<string, string>>;
  return (req) => (Object.hasOwn(table, req.prompt) ? (table[req.prompt] as string) : defaultReply);
}

function checkedReply(replies: (req: MockReplyRequest) => string | Promise<string>): ReplySource {
  return async (req) => {
    const reply: unknown = await replies(req);
    if (typeof reply !== 'string') {
      throw new TypeError(`the replies function returned ${typeof reply}, not a string, for prompt ${JSON.stringify(req.prompt.slice(0, 80))}`);
    }
    return reply;
  };
}
