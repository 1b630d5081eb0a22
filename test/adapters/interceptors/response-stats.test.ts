import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUndiciTransport } from '../../../src/adapters/http-transport.js';
import { buildPipeline } from '../../../src/adapters/pipeline/build-pipeline.js';
import { defineInterceptor, type InterceptorDefinition, type PipelineEnvironment } from '../../../src/adapters/pipeline/interceptor-definition.js';
import { BUILT_IN_INTERCEPTORS } from '../../../src/adapters/pipeline/interceptor-registry.js';
import type { AdapterRequest } from '../../../src/adapters/pipeline/types.js';
import { ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers prompts starting with "cached" itself, marking them as cache hits (as `caching` does). */
const fakeCache = defineInterceptor({
  name: 'fake_cache',
  description: 'test double for caching',
  config: z.strictObject({}),
  create: () => ({
    async intercept(request, next) {
      const messages = request.body.messages as Array<{ content: string }>;
      if (!messages[0]!.content.startsWith('cached')) return next(request);
      request.context.cacheHit = true;
      return { status: 200, headers: {}, body: JSON.stringify({ choices: [{ message: { content: '' }, finish_reason: 'length' }] }), latencyMs: 0 };
    },
  }),
});
const registry = new Map<string, InterceptorDefinition>([...BUILT_IN_INTERCEPTORS, ['fake_cache', fakeCache as InterceptorDefinition]]);

async function setUp(options: MockServerOptions, stats: Record<string, unknown> = {}) {
  server = await createMockServer(options);
  const transport = createUndiciTransport(8);
  const env: PipelineEnvironment = { endpoint: { url: server.chatUrl, modelId: 'm', type: 'chat' }, params: { maxRetries: 0 }, transport, secrets: [] };
  const pipeline = buildPipeline({ interceptors: [{ name: 'response_stats', config: stats }, 'fake_cache', 'endpoint'] }, env, registry);
  const url = server.chatUrl;
  const send = (content: string, maxTokens?: number) => {
    const request: AdapterRequest = {
      url,
      headers: { 'content-type': 'application/json' },
      body: { model: 'm', messages: [{ role: 'user', content }], ...(maxTokens === undefined ? {} : { max_tokens: maxTokens }) },
      signal: new AbortController().signal,
      context: {},
    };
    return pipeline.handle(request);
  };
  return { pipeline, transport, send };
}

describe('response_stats interceptor', () => {
  it('counts statuses, latency, tokens, finish reasons, cut-off and empty replies; cache hits apart', async () => {
    const replies = { long: 'one two three four five six', empty: '', ok: 'fine answer' };
    const { pipeline, transport, send } = await setUp({
      replies: ({ prompt }) => replies[prompt as keyof typeof replies] ?? 'x',
      latencyMs: ({ prompt }) => (prompt === 'long' ? 60 : 5),
      faults: { failEvery: 10, status: 400 },
    });
    // Requests 1-9 are served, request 10 answers 400.
    for (const [content, maxTokens] of [['ok'], ['ok'], ['ok'], ['ok'], ['ok'], ['long', 2], ['long', 2], ['empty'], ['ok'], ['ok']] as Array<[string, number?]>) {
      await send(content, maxTokens);
    }
    await send('cached question');
    await send('cached question');
    const report = await pipeline.finish();
    await transport.close();
    const stats = report.response_stats!;
    expect(stats).toMatchObject({
      count: 10,
      successful_count: 9,
      transport_errors: 0,
      cache_hits: 2,
      status_codes: { 200: 9, 400: 1 },
      finish_reason: { length: 2, stop: 7 },
      length_cut_count: 2,
      length_cut_ratio: 0.2222,
      empty_reply_count: 1,
      empty_reply_ratio: 0.1111,
      replies_with_usage: 9,
      // Completion tokens: six "ok" replies of 2, two cut at 2, one empty.
      sum_completion_tokens: 16,
      max_completion_tokens: 2,
      sum_prompt_tokens: 9,
      sum_total_tokens: 25,
      avg_total_tokens: 2.78,
      tool_calls_count: 0,
      function_calls_count: 0,
    });
    // Two of ten replies took ≥ 60 ms (the mock's delay), the rest less: p90 (rank 8 of 0-9) is a
    // slow one; percentiles stay ordered and within the exact max.
    const { p50_latency_ms: p50, p90_latency_ms: p90, p99_latency_ms: p99, max_latency_ms: max, avg_latency_ms: avg } = stats as Record<'p50_latency_ms' | 'p90_latency_ms' | 'p99_latency_ms' | 'max_latency_ms' | 'avg_latency_ms', number>;
    expect(p90).toBeGreaterThanOrEqual(55);
    expect(p50).toBeLessThanOrEqual(p90);
    expect(p90).toBeLessThanOrEqual(p99);
    expect(p99).toBeLessThanOrEqual(max);
    expect(avg).toBeLessThan(max);
  });

  it('never counts a prompt-scoring reply (echo) as cut off or empty', async () => {
    server = await createMockServer({});
    const transport = createUndiciTransport(2);
    const env: PipelineEnvironment = { endpoint: { url: server.completionsUrl, modelId: 'm', type: 'completions' }, params: { maxRetries: 0 }, transport, secrets: [] };
    const pipeline = buildPipeline({ interceptors: ['response_stats', 'endpoint'] }, env);
    const body = { model: 'm', prompt: ['Question: q\nAnswer: yes', 'Question: q\nAnswer: no'], max_tokens: 0, echo: true, logprobs: 1 };
    await pipeline.handle({ url: server.completionsUrl, headers: { 'content-type': 'application/json' }, body, signal: new AbortController().signal, context: {} });
    const stats = (await pipeline.finish()).response_stats!;
    await transport.close();
    expect(stats).toMatchObject({ successful_count: 1, finish_reason: { length: 1 }, length_cut_count: 0, empty_reply_count: 0 });
  });

  it('counts transport errors and leaves out the sections switched off', async () => {
    const { pipeline, transport, send } = await setUp({ faults: { hangFirst: 1 } }, { collect_token_stats: false, collect_finish_reasons: false, collect_tool_calls: false });
    const request = send('hang');
    await server!.close();
    server = undefined;
    await expect(request).rejects.toThrow(/connection failed|no reply/);
    const stats = (await pipeline.finish()).response_stats!;
    await transport.close();
    expect(stats).toEqual({
      count: 0,
      successful_count: 0,
      transport_errors: 1,
      cache_hits: 0,
      status_codes: {},
      avg_latency_ms: null,
      max_latency_ms: null,
      p50_latency_ms: null,
      p90_latency_ms: null,
      p99_latency_ms: null,
      empty_reply_count: 0,
      empty_reply_ratio: null,
    });
  });

  it('accepts NeMo’s fields and names a bad one', () => {
    const env: PipelineEnvironment = { endpoint: { url: 'http://x/v1/chat/completions', modelId: 'm', type: 'chat' }, params: {}, transport: createUndiciTransport(1), secrets: [] };
    const nemo = { collect_token_stats: true, stats_file_saving_interval: null, save_individuals: false, cache_dir: '/tmp/x', logging_aggregated_stats_interval: 100, log_level: 'INFO' };
    expect(() => buildPipeline({ interceptors: [{ name: 'response_stats', config: nemo }] }, env)).not.toThrow();
    const bad = () => buildPipeline({ interceptors: [{ name: 'response_stats', config: { collect_token_stats: 'yes' } }] }, env);
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/interceptors\[0\]\.config\.collect_token_stats/);
    expect(() => buildPipeline({ interceptors: [{ name: 'response_stats', config: { collect_tokens: true } }] }, env)).toThrow(/collect_tokens/);
  });

  it('is in the default chain', async () => {
    const { DEFAULT_CHAIN } = await import('../../../src/adapters/pipeline/interceptor-registry.js');
    expect(DEFAULT_CHAIN).toEqual(['caching', 'response_stats', 'endpoint']);
  });
});
