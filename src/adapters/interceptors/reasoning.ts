import { z } from 'zod';
import { pythonStrip } from '../../core/python/python-strip.js';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';
import { offReplyPath } from '../pipeline/off-reply-path.js';
import { responseJson, withJsonBody, type AdapterResponse } from '../pipeline/types.js';
import { createReasoningStats } from '../reasoning/reasoning-stats.js';
import { analyseReasoning, type ReasoningTokens } from '../reasoning/reasoning-trace.js';
import { isPromptScoringRequest } from '../prompt-scoring.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `reasoning_content` moved into the content as start + reasoning + end + content (NeMo's migration). */
function migrated(message: Json, tokens: ReasoningTokens): Json {
  const reasoning = message.reasoning_content;
  if (typeof reasoning !== 'string' || pythonStrip(reasoning) === '') return message;
  const content = typeof message.content === 'string' ? message.content : '';
  return { ...message, content: `${tokens.start ?? ''}${reasoning}${tokens.end}${content}` };
}

/**
 * NeMo's `reasoning` (nemo-evaluator 0.2.x) for replies that are one JSON document with `choices`
 * (streamed and error replies pass unchanged). Each assistant `message.content` that is a string,
 * and each completions `choices[].text`, is analysed as `analyseReasoning` states: with
 * `reasoning_content` present only statistics are kept; otherwise everything up to and including
 * `end_reasoning_token` is cut from the text, and unfinished reasoning is kept or, with
 * `include_if_not_finished: false`, replaced by "". The reply is rewritten only when a text
 * changed. `add_reasoning: false` disables all of this; with `migrate_reasoning_content: true`
 * it instead moves `reasoning_content` into `content` between the start and end tokens.
 * Statistics (unless `enable_reasoning_tracking: false`) skip cache hits and end up in
 * results.yml under `evalforge.interceptors.reasoning`. Listed after `endpoint` the interceptor
 * also sees attempts that get retried; list it before `endpoint` to count each request once.
 * NeMo's `stats_file_saving_interval`, `enable_caching`, `cache_dir`,
 * `logging_aggregated_stats_interval` and `log_level` are accepted and have no effect: the
 * statistics go to results.yml.
 */
export const reasoningInterceptor = defineInterceptor({
  name: 'reasoning',
  description: 'strips reasoning traces from replies and keeps reasoning statistics',
  config: z.strictObject({
    end_reasoning_token: z.string().min(1).default('</think>'),
    start_reasoning_token: z.string().nullable().default('<think>'),
    add_reasoning: z.boolean().default(true),
    migrate_reasoning_content: z.boolean().default(false),
    enable_reasoning_tracking: z.boolean().default(true),
    include_if_not_finished: z.boolean().default(true),
    stats_file_saving_interval: z.int().positive().nullish(),
    enable_caching: z.boolean().optional(),
    cache_dir: z.string().optional(),
    logging_aggregated_stats_interval: z.int().positive().optional(),
    log_level: z.string().optional(),
  }),
  create(config) {
    const tokens: ReasoningTokens = { start: config.start_reasoning_token, end: config.end_reasoning_token };
    const stats = config.enable_reasoning_tracking ? createReasoningStats() : undefined;

    /** The choice with its text analysed (statistics kept when `track`), or the same object when nothing is to be done. */
    function processed(choice: unknown, usage: Json | undefined, track: boolean): unknown {
      if (!isObject(choice)) return choice;
      const message = choice.message;
      if (isObject(message) && message.role === 'assistant' && typeof message.content === 'string') {
        const { content, info } = analyseReasoning(message.content, message.reasoning_content, usage, tokens, config.include_if_not_finished);
        if (track && stats) offReplyPath(() => stats.add(info()));
        return content === message.content ? choice : { ...choice, message: { ...message, content } };
      }
      if (typeof choice.text === 'string') {
        const { content, info } = analyseReasoning(choice.text, undefined, usage, tokens, config.include_if_not_finished);
        if (track && stats) offReplyPath(() => stats.add(info()));
        return content === choice.text ? choice : { ...choice, text: content };
      }
      return choice;
    }

    /** The response with `choices` in place of the reply's, or the response itself when every choice is unchanged. */
    function rewritten(response: AdapterResponse, json: Json & { choices: unknown[] }, choices: unknown[]): AdapterResponse {
      for (let i = 0; i < choices.length; i++) if (choices[i] !== json.choices[i]) return withJsonBody(response, { ...json, choices });
      return response;
    }

    return {
      async intercept(request, next) {
        const response = await next(request);
        // A prompt-scoring reply echoes the prompt: there is no generated reasoning to strip.
        if (isPromptScoringRequest(request.body)) return response;
        const json = responseJson(response);
        if (!isObject(json) || !Array.isArray(json.choices)) return response;
        const withChoices = json as Json & { choices: unknown[] };
        if (!config.add_reasoning) {
          if (!config.migrate_reasoning_content) return response;
          const choices = withChoices.choices.map((choice) => {
            if (!isObject(choice) || !isObject(choice.message)) return choice;
            const message = migrated(choice.message, tokens);
            return message === choice.message ? choice : { ...choice, message };
          });
          return rewritten(response, withChoices, choices);
        }
        const usage = isObject(json.usage) ? json.usage : undefined;
        const track = request.context.cacheHit !== true;
        return rewritten(response, withChoices, withChoices.choices.map((choice) => processed(choice, usage, track)));
      },
      finish: async () => stats?.report(),
    };
  },
});
