import { z } from 'zod';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';
import { offReplyPath } from '../pipeline/off-reply-path.js';
import { TransportError, type AdapterResponse } from '../pipeline/types.js';
import { QuantileSketch } from '../quantile-sketch.js';
import { replyFacts } from '../reply-facts.js';
import { isPromptScoringRequest } from '../prompt-scoring.js';

/** Running sum, count and max of one token figure. */
class Tally {
  sum = 0;
  count = 0;
  max = 0;
  add(value: number): void {
    this.sum += value;
    this.count++;
    if (value > this.max) this.max = value;
  }
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole, 4));

/**
 * Aggregates what the endpoint answered during this run (NeMo's `response_stats`; its report lands
 * in results.yml `evalforge.interceptors.response_stats` and in `eval_factory_metrics.json`):
 *
 * - `count`: HTTP replies that reached this interceptor, any status; `status_codes` splits them.
 *   Listed outside `retry` (the default) it sees each request's final reply, not every attempt.
 * - `successful_count`: status-200 replies whose body is an OpenAI completion (JSON or a stream).
 * - `transport_errors`: requests that got no HTTP reply at all (timeouts, refused connections).
 * - `cache_hits`: replies served by the `caching` interceptor; counted here only, nowhere else. In
 *   the default chain (`caching` outside `response_stats`) cache hits never get here: it is 0.
 * - latency over `count`: `avg_`, `max_` exact; `p50_`, `p90_`, `p99_latency_ms` from a DDSketch
 *   (bounded memory, within 1% of the true value at rank floor(q·(n−1)), never outside the exact
 *   min and max). Latency is the endpoint's time for the attempt that produced the reply.
 * - tokens (`collect_token_stats`), over successful replies that report `usage`
 *   (`replies_with_usage`): `sum_`, `avg_`, `max_` of `prompt_tokens`, `completion_tokens`,
 *   `total_tokens` (`total_tokens` = prompt + completion when the server omits it).
 * - `finish_reason` counts and `length_cut_count`/`length_cut_ratio`, the share of successful
 *   replies cut off by the token limit (`finish_reason: length`) (`collect_finish_reasons`);
 *   prompt-scoring replies (`echo: true`) are never counted as cut off or empty.
 * - `empty_reply_count`/`empty_reply_ratio`: successful replies whose first choice's text is
 *   missing, null or whitespace only.
 * - `tool_calls_count`, `function_calls_count` (`collect_tool_calls`).
 *
 * Ratios are over `successful_count` (null when 0); averages are rounded to 2 decimals. Only the
 * first choice of a reply is read (evalforge asks for one). Stats cover this run's requests: samples
 * resumed from an earlier run are not in them. `stats_file_saving_interval`, `save_individuals`,
 * `cache_dir`, `logging_aggregated_stats_interval` and `log_level` are accepted for NeMo configs
 * and have no effect: the report is written once, when the run ends.
 */
export const responseStatsInterceptor = defineInterceptor({
  name: 'response_stats',
  description: 'aggregates status codes, latency percentiles, token usage, finish reasons and empty replies',
  config: z.strictObject({
    collect_token_stats: z.boolean().default(true),
    collect_finish_reasons: z.boolean().default(true),
    collect_tool_calls: z.boolean().default(true),
    stats_file_saving_interval: z.int().positive().nullable().optional(),
    save_individuals: z.boolean().optional(),
    cache_dir: z.string().optional(),
    logging_aggregated_stats_interval: z.int().positive().optional(),
    log_level: z.string().optional(),
  }),
  create(config) {
    let count = 0;
    let successful = 0;
    let transportErrors = 0;
    let cacheHits = 0;
    let latencySum = 0;
    let latencyMax = 0;
    let latencyMin = Number.POSITIVE_INFINITY;
    const latency = new QuantileSketch();
    const statusCodes = new Map<number, number>();
    const finishReasons = new Map<string, number>();
    const tokens = { prompt: new Tally(), completion: new Tally(), total: new Tally() };
    let lengthCut = 0;
    let empty = 0;
    let toolCalls = 0;
    let functionCalls = 0;

    function account(response: AdapterResponse, requestBody: Record<string, unknown>): void {
      count++;
      statusCodes.set(response.status, (statusCodes.get(response.status) ?? 0) + 1);
      latency.add(response.latencyMs);
      latencySum += response.latencyMs;
      if (response.latencyMs > latencyMax) latencyMax = response.latencyMs;
      if (response.latencyMs < latencyMin) latencyMin = response.latencyMs;
      const facts = response.status === 200 ? replyFacts(response) : undefined;
      if (!facts) return;
      successful++;
      if (facts.usage) {
        tokens.prompt.add(facts.usage.promptTokens);
        tokens.completion.add(facts.usage.completionTokens);
        tokens.total.add(facts.usage.totalTokens);
      }
      if (facts.finishReason !== undefined) finishReasons.set(facts.finishReason, (finishReasons.get(facts.finishReason) ?? 0) + 1);
      // A prompt-scoring reply ends on the length limit by design and echoes text it did not generate.
      if (!isPromptScoringRequest(requestBody)) {
        if (facts.finishReason === 'length') lengthCut++;
        if (facts.empty) empty++;
      }
      toolCalls += facts.toolCalls;
      functionCalls += facts.functionCalls;
    }

    return {
      async intercept(request, next) {
        let response;
        try {
          response = await next(request);
        } catch (error) {
          if (error instanceof TransportError) transportErrors++;
          throw error;
        }
        if (request.context.cacheHit) {
          cacheHits++;
          return response;
        }
        const body = request.body;
        offReplyPath(() => account(response, body));
        return response;
      },

      async finish() {
        const report: Record<string, unknown> = {
          count,
          successful_count: successful,
          transport_errors: transportErrors,
          cache_hits: cacheHits,
          status_codes: Object.fromEntries([...statusCodes].sort(([a], [b]) => a - b)),
          avg_latency_ms: count === 0 ? null : round(latencySum / count, 2),
          max_latency_ms: count === 0 ? null : round(latencyMax, 2),
          p50_latency_ms: percentile(latency, 0.5, latencyMin, latencyMax),
          p90_latency_ms: percentile(latency, 0.9, latencyMin, latencyMax),
          p99_latency_ms: percentile(latency, 0.99, latencyMin, latencyMax),
          empty_reply_count: empty,
          empty_reply_ratio: ratio(empty, successful),
        };
        if (config.collect_token_stats) {
          report.replies_with_usage = tokens.prompt.count;
          for (const [name, tally] of Object.entries(tokens)) {
            report[`sum_${name}_tokens`] = tally.sum;
            report[`avg_${name}_tokens`] = tally.count === 0 ? null : round(tally.sum / tally.count, 2);
            report[`max_${name}_tokens`] = tally.count === 0 ? null : tally.max;
          }
        }
        if (config.collect_finish_reasons) {
          report.finish_reason = Object.fromEntries([...finishReasons].sort(([a], [b]) => a.localeCompare(b)));
          report.length_cut_count = lengthCut;
          report.length_cut_ratio = ratio(lengthCut, successful);
        }
        if (config.collect_tool_calls) {
          report.tool_calls_count = toolCalls;
          report.function_calls_count = functionCalls;
        }
        return report;
      },
    };
  },
});

/** The sketch's estimate, kept within the exact min and max (a bucket midpoint may lie just beyond them). */
function percentile(sketch: QuantileSketch, q: number, min: number, max: number): number | null {
  const value = sketch.quantile(q);
  return value === undefined ? null : round(Math.min(max, Math.max(min, value)), 2);
}
