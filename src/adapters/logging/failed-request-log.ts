import type { PipelineEnvironment } from '../pipeline/interceptor-definition.js';
import { responseJson, type AdapterRequest, type InterceptorInstance } from '../pipeline/types.js';
import { redactUrl } from '../redact-url.js';
import { openRunLog, type RunLog } from './run-log.js';

function requestRecord(log: RunLog, request: AdapterRequest): Record<string, unknown> {
  return { url: redactUrl(request.url), headers: log.redactor.headers(request.headers), body: request.body };
}

/**
 * NeMo's `adapter_config.log_failed_requests: true`. Sits innermost, right around the endpoint
 * call, so it records every failed attempt exactly as sent: a reply with a status other than 200
 * as `{time, sample_id?, attempt, request: {url, headers, body}, response: {status_code, headers,
 * body}}`, a request that got no reply (timeout, connection error) with `error: <message>` in
 * place of `response`. Written to `<output_dir>/logs/failed_requests.jsonl`, redacted as the
 * logging interceptors are. Cancelled requests are not failures and are not recorded.
 */
export function createFailedRequestLog(env: PipelineEnvironment): InterceptorInstance {
  const log = openRunLog(env, 'failed_requests.jsonl', 'target.api_endpoint.adapter_config.log_failed_requests');
  return {
    async intercept(request, next) {
      const head = () => ({ sample_id: request.context.sampleId, attempt: request.context.attempts });
      try {
        const response = await next(request);
        if (response.status !== 200) {
          log.write({
            ...head(),
            request: requestRecord(log, request),
            response: { status_code: response.status, headers: log.redactor.headers(response.headers), body: responseJson(response) ?? response.body },
          });
        }
        return response;
      } catch (error) {
        if (!request.signal.aborted) log.write({ ...head(), request: requestRecord(log, request), error: (error as Error).message });
        throw error;
      }
    },
    finish: () => log.finish(),
  };
}
