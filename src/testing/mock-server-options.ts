import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import type { MockTokenLogprob } from './mock-logprobs.js';

/** What a `replies` or `latencyMs` function is told about one generation request. */
export interface MockReplyRequest {
  /** Which endpoint was called: `/v1/chat/completions` or `/v1/completions`. */
  kind: 'chat' | 'completions';
  /**
   * The text replies are keyed by: the completions `prompt` (each entry in turn when `prompt` is an
   * array), or for chat the content of the last `user` message (text parts of an array content
   * concatenated without separator; `""` when there is no user message).
   */
  prompt: string;
  /** The parsed JSON request body, exactly as sent. */
  body: unknown;
}

/**
 * Scripted replies. A record or Map is looked up by exact prompt text (no trimming); a function is
 * called once per prompt and may be async. Whatever is not found gets `defaultReply`.
 */
export type MockReplies =
  | Readonly<Record<string, string>>
  | ReadonlyMap<string, string>
  | ((req: MockReplyRequest) => string | Promise<string>);

/** A fault `randomRate` may pick: `fail` answers `status`, the others act as their `*First` option. */
export type MockFaultKind = 'fail' | 'rateLimit' | 'hang' | 'malformed' | 'reset';

/**
 * Deterministic fault injection, counted per server over valid generation requests (numbered 1, 2,
 * ... in the order their bodies arrive; `resetStats()` does not restart the count). The `*First`
 * budgets are used one after another in the order hang, rateLimit, fail, malformed, reset: with
 * `{ hangFirst: 1, failFirst: 2 }` request 1 hangs, requests 2 and 3 fail and request 4 is served.
 * Requests no budget took are checked against `failEvery`, then `resetEvery`, then `randomRate`.
 * Faulted requests are answered at once: they skip the capacity queue and `latencyMs`.
 */
export interface MockFaults {
  /** Answer this many requests with `status`. */
  failFirst?: number;
  /** HTTP status for `failFirst` and `failEvery` (default 500). */
  status?: number;
  /** Also fail every request whose number is a multiple of this (unless a budget already faulted it). */
  failEvery?: number;
  /** Never answer this many requests (the connection stays open until the client gives up). */
  hangFirst?: number;
  /** Answer this many requests with status 200 and a body that is not valid JSON (or SSE). */
  malformedFirst?: number;
  /** Answer this many requests with 429 and a `retry-after` header of `retryAfter` seconds. */
  rateLimitFirst?: number;
  /** Seconds sent in the `retry-after` header of injected 429s (default 0). */
  retryAfter?: number;
  /** Drop this many requests: the connection is reset (TCP RST) without any reply. */
  resetFirst?: number;
  /** Also reset every request whose number is a multiple of this (unless an earlier rule faulted it). */
  resetEvery?: number;
  /**
   * Fault this share (0 to 1) of the requests no other rule took, each with a kind from `kinds`.
   * Request n's fate is a hash of `seed` and n, so a given seed faults the same request numbers
   * with the same kinds on every run (which prompt gets number n depends on arrival order).
   */
  randomRate?: number;
  /** Seed for `randomRate` (integer, default 0). */
  seed?: number;
  /** Faults `randomRate` picks from, with equal odds (default fail, rateLimit, reset, hang). */
  kinds?: readonly MockFaultKind[];
}

export interface MockServerOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  replies?: MockReplies;
  /** Reply when `replies` has no entry for the prompt (default `""`). */
  defaultReply?: string;
  /**
   * Milliseconds to wait before replying, once the request holds a capacity slot. A function is
   * called once per request with its first prompt.
   */
  latencyMs?: number | ((req: MockReplyRequest) => number);
  /** Generation requests processed at once; the rest wait in FIFO order. Default unlimited. */
  capacity?: number;
  faults?: MockFaults;
  /** When set, `/v1/*` answers 401 unless the request has `Authorization: Bearer <key>`. */
  requireApiKey?: string;
  /** Keep every parsed generation request body for `requests()`. Off by default to stay lean. */
  recordRequests?: boolean;
  /** Model id listed by `/v1/models` and echoed when a request names none (default `mock-model`). */
  model?: string;
  /**
   * Completions `logprobs`: a function scoring each token (its leading whitespace included) given
   * all text before it, used for echoed prompts (`echo: true`, as log-likelihood scoring asks) and
   * generated text; `false` answers `logprobs: null` like a server without support. Default: −1
   * per token. Tokens are whitespace-led words (`"Answer: A"` → `"Answer:"`, `" A"`); a token is
   * reported as the most likely one exactly when its logprob ≥ ln ½.
   */
  logprobs?: false | MockTokenLogprob;
}

const count = z.int().min(0);
const isFunction = (value: unknown): boolean => typeof value === 'function';

const OptionsSchema = z.strictObject({
  port: z.int().min(0).max(65535).optional(),
  replies: z
    .union([z.custom(isFunction), z.instanceof(Map), z.record(z.string(), z.string())], {
      error: 'must be an object mapping prompt to reply, a Map, or a function',
    })
    .optional(),
  defaultReply: z.string().optional(),
  latencyMs: z
    .union([z.number().min(0), z.custom(isFunction)], { error: 'must be a number ≥ 0 or a function' })
    .optional(),
  capacity: z.int().positive().optional(),
  faults: z
    .strictObject({
      failFirst: count.optional(),
      status: z.int().min(400).max(599).optional(),
      failEvery: z.int().positive().optional(),
      hangFirst: count.optional(),
      malformedFirst: count.optional(),
      rateLimitFirst: count.optional(),
      retryAfter: z.number().min(0).optional(),
      resetFirst: count.optional(),
      resetEvery: z.int().positive().optional(),
      randomRate: z.number().min(0).max(1).optional(),
      seed: z.int().optional(),
      kinds: z.array(z.enum(['fail', 'rateLimit', 'hang', 'malformed', 'reset'])).min(1).optional(),
    })
    .optional(),
  requireApiKey: z.string().min(1).optional(),
  recordRequests: z.boolean().optional(),
  model: z.string().min(1).optional(),
  logprobs: z.union([z.literal(false), z.custom(isFunction)], { error: 'must be false or a function (prefix, token) => logprob' }).optional(),
});

/**
 * Checks `options` and returns it unchanged, or throws a ConfigError naming the bad option;
 * `name` turns an option path into what the user wrote (the CLI names its flags).
 */
export function validateMockServerOptions(
  options: MockServerOptions,
  name: (path: readonly PropertyKey[]) => string = (path) => ['createMockServer options', ...path.map(String)].join('.'),
): MockServerOptions {
  const result = OptionsSchema.safeParse(options);
  if (result.success) return options;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const problem = issue.code === 'unrecognized_keys' ? `unknown option ${issue.keys.join(', ')}` : issue.message;
  throw new ConfigError(name(issue.path), problem);
}
