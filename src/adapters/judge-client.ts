import { join } from 'node:path';
import pLimit from 'p-limit';
import type { ResolvedJudge } from '../core/judge/judge-config.js';
import { EndpointError } from '../core/errors.js';
import type { ChatMessage } from '../core/task.js';
import { createModelClient, type ModelClientOptions } from './model-client.js';

/** A judge model behind its own adapter pipeline: caches and logs apart from the candidate's. */
export interface JudgeClient {
  /**
   * The judge's reply to `messages` (one chat call, at most `parallelism` in flight). `seed`, when
   * given, is sent as the request's `seed` (a re-ask uses another, so the cache tells them apart).
   * Throws an EndpointError, its message starting with `judge`, when the judge still fails after
   * its retries.
   */
  ask(messages: ChatMessage[], signal: AbortSignal, options?: { sampleId?: string; seed?: number }): Promise<string>;
  /** Extra asks a task may make for a reply without a readable verdict (`reask_unparsable`, default 0). */
  readonly reaskUnparsable: number;
  /** Ends the judge's pipeline and returns its interceptor reports (response_stats, caching, …). */
  close(): Promise<Record<string, Record<string, unknown>>>;
}

/** The judge's files (cache, logs, interceptor state) live in `<output_dir>/judge/`. */
export const JUDGE_DIR = 'judge';

/** A client for `judge`, writing under `<outputDir>/judge/`. */
export function createJudgeClient(judge: ResolvedJudge, outputDir: string, options: Omit<ModelClientOptions, 'outputDir'> = {}): JudgeClient {
  const client = createModelClient(judge.endpoint, judge.params, { ...options, outputDir: join(outputDir, JUDGE_DIR) });
  const limit = pLimit(judge.params.parallelism ?? 1);
  return {
    ask: (messages, signal, options = {}) =>
      limit(async () => {
        const prompt = options.seed === undefined ? { kind: 'chat' as const, messages } : { kind: 'chat' as const, messages, seed: options.seed };
        try {
          return (await client.generate(prompt, signal, options.sampleId)).text;
        } catch (error) {
          if (error instanceof EndpointError) throw new EndpointError(`judge ${error.message}`, error.url, error.status, error.fix);
          throw error;
        }
      }),
    reaskUnparsable: judge.reaskUnparsable,
    close: () => client.close(),
  };
}
