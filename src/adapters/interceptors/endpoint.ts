import { z } from 'zod';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';
import { requestBodyText, TransportError } from '../pipeline/types.js';

/**
 * The terminal step: POSTs the request body to the configured URL and returns the reply, whatever
 * its status. A reply not received within `request_timeout` seconds (default: the run's
 * `config.params.request_timeout`, else 60) is a TransportError of kind `timeout`; a failed
 * connection one of kind `connection`. Retrying is the `retry` interceptor's job.
 */
export const endpointInterceptor = defineInterceptor({
  name: 'endpoint',
  description: 'sends the request to the model endpoint (always last)',
  config: z.strictObject({ request_timeout: z.number().positive().optional() }),
  create(config, env) {
    const timeoutMs = (config.request_timeout ?? env.params.requestTimeout ?? 60) * 1000;
    return {
      async intercept(request) {
        const started = performance.now();
        try {
          const limits = { signal: request.signal, timeoutMs };
          const reply = await env.transport.postJson(request.url, requestBodyText(request), request.headers, limits);
          return { ...reply, latencyMs: performance.now() - started };
        } catch (error) {
          if (request.signal.aborted) throw error;
          const name = (error as Error).name;
          if (name === 'TimeoutError' || name === 'AbortError') throw new TransportError(`no reply within ${timeoutMs / 1000} s`, 'timeout');
          throw new TransportError(`connection failed (${(error as Error).message})`, 'connection');
        }
      },
    };
  },
});
