import { z } from 'zod';
import { openRunLog } from '../logging/run-log.js';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';
import { offReplyPath } from '../pipeline/off-reply-path.js';
import { responseJson, type AdapterResponse } from '../pipeline/types.js';

/**
 * NeMo's `response_logging`: writes the first `max_responses` replies (default `null` = all, as
 * NeMo) as JSON lines `{time, sample_id?, status_code, latency_ms, cache_hit?, headers?, body?}`
 * to `<output_dir>/logs/responses.jsonl`; `body` is the parsed JSON, or the raw text when the
 * reply is not JSON (a stream). Credential headers (set-cookie, *key*, *token*, ...) and every
 * occurrence of the run's secrets become `[REDACTED]`. Listed after `endpoint` it sees every
 * attempt (retried failures too); listed before it, the reply the caller gets. A request that got
 * no reply (timeout, refused connection) has nothing to log here; `log_failed_requests` records it.
 */
export const responseLoggingInterceptor = defineInterceptor({
  name: 'response_logging',
  description: 'writes replies (credentials redacted) to <output_dir>/logs/responses.jsonl',
  config: z.strictObject({
    log_response_body: z.boolean().default(true),
    log_response_headers: z.boolean().default(true),
    max_responses: z.int().min(0).nullable().default(null),
    /** Accepted for NeMo configs; evalforge writes the file whatever the level. */
    log_level: z.string().optional(),
  }),
  create(config, env) {
    const log = openRunLog(env, 'responses.jsonl', 'target.api_endpoint.adapter_config.interceptors (response_logging)');
    const max = config.max_responses ?? Infinity;
    let seen = 0;

    function logResponse(response: AdapterResponse, sampleId: string | undefined, cacheHit: boolean | undefined): void {
      const record: Record<string, unknown> = {
        sample_id: sampleId,
        status_code: response.status,
        latency_ms: response.latencyMs,
        cache_hit: cacheHit,
        headers: config.log_response_headers ? log.redactor.headers(response.headers) : undefined,
      };
      if (!config.log_response_body) log.write(record);
      // A one-line JSON reply goes into the line as received: no second serialization, and its parse is not kept alive.
      else if (responseJson(response) !== undefined && !/[\r\n]/.test(response.body)) log.write(record, { name: 'body', json: response.body });
      else log.write({ ...record, body: responseJson(response) ?? response.body });
    }

    return {
      async intercept(request, next) {
        const response = await next(request);
        if (seen < max) {
          seen++;
          const { sampleId, cacheHit } = request.context;
          offReplyPath(() => logResponse(response, sampleId, cacheHit));
        }
        return response;
      },
      finish: () => log.finish(),
    };
  },
});
