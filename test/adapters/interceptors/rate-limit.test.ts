import { afterEach, describe, expect, it } from 'vitest';
import { createUndiciTransport } from '../../../src/adapters/http-transport.js';
import { buildPipeline } from '../../../src/adapters/pipeline/build-pipeline.js';
import type { PipelineEnvironment } from '../../../src/adapters/pipeline/interceptor-definition.js';
import type { AdapterRequest } from '../../../src/adapters/pipeline/types.js';
import { ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(options: MockServerOptions, config: Record<string, unknown>) {
  server = await createMockServer(options);
  const env: PipelineEnvironment = { endpoint: { url: server.chatUrl, modelId: 'm', type: 'chat' }, params: { maxRetries: 0 }, transport: createUndiciTransport(16), secrets: [] };
  const pipeline = buildPipeline({ interceptors: [{ name: 'rate_limit', config }, 'endpoint'] }, env);
  const url = server.chatUrl;
  const send = (signal = new AbortController().signal) => {
    const request: AdapterRequest = { url, headers: { 'content-type': 'application/json' }, body: { model: 'm', messages: [{ role: 'user', content: 'q' }] }, signal, context: {} };
    return pipeline.handle(request);
  };
  return { env, send };
}

describe('rate_limit interceptor', () => {
  it('spaces request starts by 60 000 / max_requests_per_minute ms', async () => {
    const arrivals: number[] = [];
    // 1200 a minute: one start every 50 ms.
    const { env, send } = await setUp(
      {
        replies: () => {
          arrivals.push(performance.now());
          return 'ok';
        },
      },
      { max_requests_per_minute: 1200 },
    );
    await Promise.all(Array.from({ length: 6 }, () => send()));
    await env.transport.close();
    expect(arrivals).toHaveLength(6);
    // Five gaps of 50 ms; timers may fire a little early or late, so only a loose lower bound.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(200);
  });

  it('keeps at most max_in_flight requests at the endpoint', async () => {
    const { env, send } = await setUp({ defaultReply: 'ok', latencyMs: 20 }, { max_in_flight: 2 });
    const replies = await Promise.all(Array.from({ length: 8 }, () => send()));
    await env.transport.close();
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(server!.stats().peakInFlight).toBe(2);
    expect(server!.stats().requests).toBe(8);
  });

  it('lets an aborted request leave the queue without taking a slot', async () => {
    const { env, send } = await setUp({ defaultReply: 'ok', latencyMs: 50 }, { max_in_flight: 1 });
    const first = send();
    const controller = new AbortController();
    const queued = send(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(queued).rejects.toThrow('cancelled');
    expect((await first).status).toBe(200);
    expect((await send()).status).toBe(200);
    await env.transport.close();
    expect(server!.stats().requests).toBe(2);
  });

  it('validates its config, naming the field', () => {
    const env: PipelineEnvironment = { endpoint: { url: 'http://x/v1/chat/completions', modelId: 'm', type: 'chat' }, params: {}, transport: createUndiciTransport(1), secrets: [] };
    const build = (config: Record<string, unknown>) => () => buildPipeline({ interceptors: [{ name: 'rate_limit', config }] }, env);
    expect(build({})).toThrow(ConfigError);
    expect(build({})).toThrow(/rate_limit\)\.config: sets no limit/);
    expect(build({ max_requests_per_minute: 0 })).toThrow(/interceptors\[0\]\.config\.max_requests_per_minute/);
    expect(build({ max_in_flight: 1.5 })).toThrow(/interceptors\[0\]\.config\.max_in_flight/);
    expect(build({ max_rpm: 5 })).toThrow(/max_rpm/);
  });
});
