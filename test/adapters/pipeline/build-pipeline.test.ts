import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildPipeline } from '../../../src/adapters/pipeline/build-pipeline.js';
import { defineInterceptor, type InterceptorDefinition, type PipelineEnvironment } from '../../../src/adapters/pipeline/interceptor-definition.js';
import { BUILT_IN_INTERCEPTORS } from '../../../src/adapters/pipeline/interceptor-registry.js';
import type { AdapterRequest } from '../../../src/adapters/pipeline/types.js';
import { ConfigError } from '../../../src/core/errors.js';

/** Records the order in which interceptors see the request and the response. */
function tracer(trace: string[]) {
  return defineInterceptor({
    name: 'trace',
    description: 'records calls',
    config: z.strictObject({ label: z.string() }),
    create: ({ label }) => ({
      async intercept(request, next) {
        trace.push(`${label}>`);
        const response = await next(request);
        trace.push(`<${label}`);
        return response;
      },
      finish: async () => ({ label }),
    }),
  });
}

function environment(trace: string[]): PipelineEnvironment {
  return {
    endpoint: { url: 'http://upstream/v1/chat/completions', modelId: 'm', type: 'chat' },
    params: { maxRetries: 0 },
    secrets: [],
    transport: {
      async postJson(url) {
        trace.push(`POST ${url}`);
        return { status: 200, headers: {}, body: '{"choices":[]}' };
      },
      async close() {},
    },
  };
}

function registry(trace: string[]): Map<string, InterceptorDefinition> {
  return new Map([...BUILT_IN_INTERCEPTORS, ['trace', tracer(trace) as InterceptorDefinition]]);
}

const request = (): AdapterRequest => ({ url: 'http://upstream/v1/chat/completions', headers: {}, body: {}, signal: new AbortController().signal, context: {} });

describe('buildPipeline', () => {
  it('runs interceptors outermost first, with endpoint terminal wherever it is listed', async () => {
    const trace: string[] = [];
    const pipeline = buildPipeline(
      { interceptors: [{ name: 'trace', config: { label: 'a' } }, 'endpoint', { name: 'trace', config: { label: 'b' } }] },
      environment(trace),
      registry(trace),
    );
    await pipeline.handle(request());
    // `b`, listed after endpoint, is inside `a`: it sees the response first (NeMo's reverse response phase).
    expect(trace).toEqual(['a>', 'b>', 'POST http://upstream/v1/chat/completions', '<b', '<a']);
    expect(await pipeline.finish()).toEqual({ trace: { label: 'b' } });
  });

  it('appends endpoint when missing and skips disabled entries', async () => {
    const trace: string[] = [];
    const pipeline = buildPipeline(
      { interceptors: [{ name: 'trace', enabled: false, config: { label: 'off' } }, { name: 'trace', config: { label: 'on' } }] },
      environment(trace),
      registry(trace),
    );
    await pipeline.handle(request());
    expect(trace).toEqual(['on>', 'POST http://upstream/v1/chat/completions', '<on']);
  });

  it('names an unknown interceptor and lists the known ones', () => {
    const build = () => buildPipeline({ interceptors: ['caching_typo'] }, environment([]), BUILT_IN_INTERCEPTORS);
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/adapter_config\.interceptors\[0\]\.name: unknown interceptor "caching_typo"[\s\S]*endpoint/);
  });

  it('names the bad field of an interceptor config', () => {
    expect(() => buildPipeline({ interceptors: [{ name: 'retry', config: { max_retries: -1 } }] }, environment([]))).toThrow(
      /adapter_config\.interceptors\[0\]\.config\.max_retries/,
    );
    expect(() => buildPipeline({ interceptors: [{ name: 'retry', config: { max_retrys: 1 } }] }, environment([]))).toThrow(/unknown key "max_retrys"/);
  });

  it('rejects endpoint listed twice and unknown top-level keys', () => {
    expect(() => buildPipeline({ interceptors: ['endpoint', 'endpoint'] }, environment([]))).toThrow(/more than once/);
    expect(() => buildPipeline({ use_cachingg: true }, environment([]))).toThrow(/adapter_config: unknown key "use_cachingg"/);
  });
});
