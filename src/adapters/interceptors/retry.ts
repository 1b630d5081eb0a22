import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';
import { responseJson, TransportError, type AdapterResponse } from '../pipeline/types.js';
import { isRetryableStatus, retryDelayMs } from '../retry-policy.js';

/** Why an attempt is worth repeating, or `undefined` if its outcome is final. */
function retryReason(response: AdapterResponse, streamed: boolean): string | undefined {
  // A streamed reply is server-sent events, not one JSON document; the client validates its chunks.
  if (response.status === 200 && !streamed) {
    const json = responseJson(response) as { choices?: unknown } | undefined;
    // A 200 whose body is not an OpenAI completion is a server hiccup (truncated proxy reply etc.).
    return json && Array.isArray(json.choices) ? undefined : `malformed reply: ${response.body.slice(0, 120)}`;
  }
  return isRetryableStatus(response.status) ? `HTTP ${response.status}` : undefined;
}

/**
 * Retries connection failures, timeouts, 408/409/429/5xx and malformed 200 replies with
 * exponential backoff (base × 2^attempt, ±50% jitter, capped) or the server's `Retry-After`;
 * `max_retries` defaults to the run's `config.params.max_retries` (else 5). Other statuses (the
 * request's own fault, e.g. 400, 401, 404) return at once. When retries run out, the last response
 * is returned (or the last transport error thrown) for the caller to report.
 */
export const retryInterceptor = defineInterceptor({
  name: 'retry',
  description: 'retries transient failures with exponential backoff and jitter, honouring Retry-After',
  config: z.strictObject({
    max_retries: z.int().min(0).optional(),
    base_delay_ms: z.number().min(0).default(500),
    max_delay_ms: z.number().min(0).default(30_000),
  }),
  create(config, env) {
    const maxRetries = config.max_retries ?? env.params.maxRetries ?? 5;
    const policy = { maxRetries, baseDelayMs: config.base_delay_ms, maxDelayMs: config.max_delay_ms };
    return {
      async intercept(request, next) {
        for (let attempt = 0; ; attempt++) {
          request.context.attempts = attempt + 1;
          let retryAfter: string | undefined;
          try {
            const response = await next(request);
            if (retryReason(response, request.body.stream === true) === undefined || attempt >= maxRetries) return response;
            retryAfter = response.headers['retry-after'];
          } catch (error) {
            if (!(error instanceof TransportError) || attempt >= maxRetries) throw error;
          }
          await sleep(retryDelayMs(policy, attempt, retryAfter), undefined, { signal: request.signal });
        }
      },
    };
  },
});
