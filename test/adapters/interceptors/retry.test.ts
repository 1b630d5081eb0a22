import { afterEach, describe, expect, it } from 'vitest';
import { createUndiciTransport } from '../../../src/adapters/http-transport.js';
import { buildPipeline } from '../../../src/adapters/pipeline/build-pipeline.js';
import { TransportError, type AdapterRequest } from '../../../src/adapters/pipeline/types.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function pipelineFor(options: MockServerOptions, retry: Record<string, unknown>, requestTimeout = 5) {
  server = await createMockServer(options);
  const transport = createUndiciTransport(4);
  const pipeline = buildPipeline(
    { interceptors: [{ name: 'retry', config: { base_delay_ms: 1, max_delay_ms: 5, ...retry } }, 'endpoint'] },
    { endpoint: { url: server.chatUrl, modelId: 'm', type: 'chat' }, params: { requestTimeout }, transport, secrets: [] },
  );
  return { pipeline, transport, url: server.chatUrl };
}

function chat(url: string, stream = false): AdapterRequest {
  return {
    url,
    headers: { 'content-type': 'application/json' },
    body: { model: 'm', messages: [{ role: 'user', content: 'q' }], ...(stream ? { stream: true } : {}) },
    signal: new AbortController().signal,
    context: {},
  };
}

describe('retry interceptor', () => {
  it('retries 500, 429 (honouring Retry-After) and malformed replies, counting attempts', async () => {
    const { pipeline, transport, url } = await pipelineFor({ defaultReply: 'fine', faults: { failFirst: 1, rateLimitFirst: 1, malformedFirst: 1 } }, { max_retries: 3 });
    const request = chat(url);
    const response = await pipeline.handle(request);
    await transport.close();
    expect(response.status).toBe(200);
    expect(request.context.attempts).toBe(4);
  });

  it('returns a 4xx at once: it is the request’s fault', async () => {
    const { pipeline, transport, url } = await pipelineFor({ faults: { failFirst: 3, status: 400 } }, { max_retries: 3 });
    const request = chat(url);
    expect((await pipeline.handle(request)).status).toBe(400);
    await transport.close();
    expect(request.context.attempts).toBe(1);
  });

  it('returns the last response once max_retries is spent', async () => {
    const { pipeline, transport, url } = await pipelineFor({ faults: { failFirst: 10, status: 503 } }, { max_retries: 2 });
    const request = chat(url);
    expect((await pipeline.handle(request)).status).toBe(503);
    await transport.close();
    expect(request.context.attempts).toBe(3);
  });

  it('retries a timeout and rethrows the transport error when retries run out', async () => {
    const { pipeline, transport, url } = await pipelineFor({ faults: { hangFirst: 5 } }, { max_retries: 1 }, 0.2);
    const request = chat(url);
    const error = await pipeline.handle(request).catch((e: unknown) => e);
    await transport.close();
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).kind).toBe('timeout');
    expect(request.context.attempts).toBe(2);
  });

  it('does not mistake a streamed reply for a malformed one', async () => {
    const { pipeline, transport, url } = await pipelineFor({ defaultReply: 'streamed' }, { max_retries: 2 });
    const request = chat(url, true);
    const response = await pipeline.handle(request);
    await transport.close();
    expect(response.body).toContain('data: [DONE]');
    expect(request.context.attempts).toBe(1);
  });

  it('takes max_retries from the run’s params when its config leaves it out', async () => {
    server = await createMockServer({ faults: { failFirst: 10 } });
    const transport = createUndiciTransport(1);
    const pipeline = buildPipeline(
      { interceptors: [{ name: 'retry', config: { base_delay_ms: 1 } }] },
      { endpoint: { url: server.chatUrl, modelId: 'm', type: 'chat' }, params: { maxRetries: 1 }, transport, secrets: [] },
    );
    const request = chat(server.chatUrl);
    await pipeline.handle(request);
    await transport.close();
    expect(request.context.attempts).toBe(2);
  });
});
