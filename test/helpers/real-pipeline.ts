import { createUndiciTransport } from '../../src/adapters/http-transport.js';
import { buildPipeline, type Pipeline } from '../../src/adapters/pipeline/build-pipeline.js';
import type { PipelineEnvironment } from '../../src/adapters/pipeline/interceptor-definition.js';
import type { AdapterResponse, RequestContext } from '../../src/adapters/pipeline/types.js';

export interface RealPipeline {
  pipeline: Pipeline;
  /** Sends `body` through the pipeline to `url` (content-type JSON plus `headers`). */
  send(body: Record<string, unknown>, options?: { headers?: Record<string, string>; context?: RequestContext }): Promise<AdapterResponse>;
  /** Runs the interceptors' end-of-run steps and closes the connection pool. */
  finish(): Promise<Record<string, Record<string, unknown>>>;
}

/** `adapterConfig` built as a run would build it, over a real undici transport to `url`. */
export function realPipeline(url: string, adapterConfig: unknown, env: Partial<PipelineEnvironment> = {}): RealPipeline {
  const transport = createUndiciTransport(4);
  const pipeline = buildPipeline(adapterConfig, {
    endpoint: { url, modelId: 'm', type: url.endsWith('/completions') && !url.endsWith('/chat/completions') ? 'completions' : 'chat' },
    params: { maxRetries: 0 },
    secrets: [],
    transport,
    ...env,
  });
  return {
    pipeline,
    send: (body, options = {}) =>
      pipeline.handle({
        url,
        headers: { 'content-type': 'application/json', ...options.headers },
        body,
        signal: new AbortController().signal,
        context: options.context ?? {},
      }),
    async finish() {
      try {
        return await pipeline.finish();
      } finally {
        await transport.close();
      }
    },
  };
}
