import { z } from 'zod';
import { openRunLog } from '../logging/run-log.js';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';
import { redactUrl } from '../redact-url.js';

/**
 * NeMo's `request_logging`: writes the first `max_requests` requests (default 2, `null` = all) as
 * JSON lines `{time, sample_id?, url, headers?, body?}` to `<output_dir>/logs/requests.jsonl`.
 * The URL loses credentials and query string; credential headers (authorization, *key*, *token*,
 * *secret*, ...) and every occurrence of the run's secrets (the API key) become `[REDACTED]`.
 * Listed before `endpoint` it logs each request once, as the interceptors before it left it;
 * listed after `endpoint` it logs every attempt. Lines are appended in batches off the request path.
 */
export const requestLoggingInterceptor = defineInterceptor({
  name: 'request_logging',
  description: 'writes requests (credentials redacted) to <output_dir>/logs/requests.jsonl',
  config: z.strictObject({
    log_request_body: z.boolean().default(true),
    log_request_headers: z.boolean().default(true),
    max_requests: z.int().min(0).nullable().default(2),
    /** Accepted for NeMo configs; evalforge writes the file whatever the level. */
    log_level: z.string().optional(),
  }),
  create(config, env) {
    const log = openRunLog(env, 'requests.jsonl', 'target.api_endpoint.adapter_config.interceptors (request_logging)');
    const max = config.max_requests ?? Infinity;
    let seen = 0;
    return {
      intercept(request, next) {
        if (seen < max) {
          seen++;
          log.write({
            sample_id: request.context.sampleId,
            url: redactUrl(request.url),
            headers: config.log_request_headers ? log.redactor.headers(request.headers) : undefined,
            body: config.log_request_body ? request.body : undefined,
          });
        }
        return next(request);
      },
      finish: () => log.finish(),
    };
  },
});
