import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI, { AuthenticationError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startAdapterServer, type AdapterServer, type AdapterServerOptions } from '../../../src/adapters/proxy/adapter-server.js';
import { defineInterceptor, type InterceptorDefinition } from '../../../src/adapters/pipeline/interceptor-definition.js';
import { BUILT_IN_INTERCEPTORS } from '../../../src/adapters/pipeline/interceptor-registry.js';
import { ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../../src/testing/index.js';

let mock: MockServer | undefined;
let proxy: AdapterServer | undefined;
afterEach(async () => {
  await proxy?.close();
  await mock?.close();
  proxy = undefined;
  mock = undefined;
});

/** Retries without the production backoff, so the tests stay fast. */
const fastRetry = { interceptors: [{ name: 'retry', config: { base_delay_ms: 1, max_delay_ms: 5 } }, 'endpoint'] };

async function startMock(options: MockServerOptions): Promise<MockServer> {
  mock = await createMockServer(options);
  return mock;
}

async function startProxy(options: AdapterServerOptions): Promise<AdapterServer> {
  proxy = await startAdapterServer(options);
  return proxy;
}

/** The plain OpenAI SDK pointed at the proxy, sending no Authorization header at all. */
function keylessClient(baseURL: string, options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}): OpenAI {
  // The SDK insists on a key at construction; `Authorization: null` then drops the header it would add.
  return new OpenAI({ baseURL, apiKey: 'unused', defaultHeaders: { Authorization: null }, maxRetries: 0, ...options });
}

describe('adapter server with the plain openai client', () => {
  it('relays chat and completions to the configured upstream URL', async () => {
    const m = await startMock({ replies: { 'hi there': 'hello back', 'Q: 1+1\nA:': ' 2' }, recordRequests: true });
    const p = await startProxy({ target: { url: m.chatUrl, modelId: 'mock' } });
    const client = keylessClient(`${p.url}/v1`);
    const chat = await client.chat.completions.create({ model: 'mock', messages: [{ role: 'user', content: 'hi there' }], max_tokens: 5 });
    expect(chat.choices[0]?.message.content).toBe('hello back');
    expect(chat.usage?.completion_tokens).toBe(2);
    expect(m.requests()[0]).toEqual({ model: 'mock', messages: [{ role: 'user', content: 'hi there' }], max_tokens: 5 });

    proxy = undefined;
    await p.close();
    const completions = await startProxy({ target: { url: m.completionsUrl, modelId: 'mock', type: 'completions' } });
    const text = await keylessClient(`${completions.url}/v1`).completions.create({ model: 'mock', prompt: 'Q: 1+1\nA:' });
    expect(text.choices[0]?.text).toBe(' 2');
    expect(m.stats().byPath).toEqual({ '/v1/chat/completions': 1, '/v1/completions': 1 });
  });

  it('answers a repeated request from the cache of the default chain, without reaching the upstream', async () => {
    const m = await startMock({ defaultReply: 'cached answer' });
    const outputDir = await mkdtemp(join(tmpdir(), 'evalforge-proxy-'));
    const p = await startProxy({ target: { url: m.chatUrl, modelId: 'mock' }, outputDir });
    const client = keylessClient(`${p.url}/v1`);
    const request = { model: 'mock', messages: [{ role: 'user' as const, content: 'same question' }], temperature: 0 };
    const first = await client.chat.completions.create(request);
    const second = await client.chat.completions.create(request);
    expect(second.choices[0]?.message.content).toBe('cached answer');
    expect(second.id).toBe(first.id);
    expect(m.stats().requests).toBe(1);
    proxy = undefined;
    expect((await p.close()).caching).toMatchObject({ hits: 1, misses: 1, saved: 1 });
  });

  it('forwards POSTs on any path, / included, to the one upstream URL', async () => {
    const m = await startMock({ defaultReply: 'ok' });
    const p = await startProxy({ target: { url: m.chatUrl } });
    for (const path of ['/', '/v1/chat/completions', '/anything/else']) {
      const res = await fetch(`${p.url}${path}`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(((await res.json()) as any).choices[0].message.content).toBe('ok');
    }
    expect(m.stats().byPath).toEqual({ '/v1/chat/completions': 3 });
  });

  it('sends the key named by apiKeyName upstream while the client sends none, and replaces a client key', async () => {
    const m = await startMock({ defaultReply: 'authorized', requireApiKey: 'sk-upstream-secret' });
    const p = await startProxy({ target: { url: m.chatUrl, modelId: 'mock', apiKeyName: 'PROXY_TEST_KEY' }, env: { PROXY_TEST_KEY: 'sk-upstream-secret' } });
    const request = { model: 'mock', messages: [{ role: 'user' as const, content: 'q' }] };
    expect((await keylessClient(`${p.url}/v1`).chat.completions.create(request)).choices[0]?.message.content).toBe('authorized');
    // The same client straight to the mock is refused: it really sends no key.
    await expect(keylessClient(`${m.url}/v1`).chat.completions.create(request)).rejects.toBeInstanceOf(AuthenticationError);
    const wrongKey = new OpenAI({ baseURL: `${p.url}/v1`, apiKey: 'sk-wrong', maxRetries: 0 });
    expect((await wrongKey.chat.completions.create(request)).choices[0]?.message.content).toBe('authorized');
  });

  it('without apiKeyName forwards the client’s own Authorization, and relays a 401 as is', async () => {
    const m = await startMock({ defaultReply: 'yes', requireApiKey: 'sk-client' });
    const p = await startProxy({ target: { url: m.chatUrl } });
    const request = { model: 'mock', messages: [{ role: 'user' as const, content: 'q' }] };
    const good = new OpenAI({ baseURL: `${p.url}/v1`, apiKey: 'sk-client', maxRetries: 0 });
    expect((await good.chat.completions.create(request)).choices[0]?.message.content).toBe('yes');
    const bad = new OpenAI({ baseURL: `${p.url}/v1`, apiKey: 'sk-bad', maxRetries: 0 });
    const error = await bad.chat.completions.create(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('invalid_api_key');
  });

  it('refuses to start when the key variable is unset, naming the field and never a value', async () => {
    const error = await startAdapterServer({ target: { url: 'http://127.0.0.1:9/v1/chat/completions', apiKeyName: 'NOT_SET_ANYWHERE' }, env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/api_key_name: environment variable NOT_SET_ANYWHERE is not set/);
  });

  it('retries upstream failures inside the proxy, so the client sees one success', async () => {
    const m = await startMock({ defaultReply: 'eventually', faults: { failFirst: 1, rateLimitFirst: 1, resetFirst: 1 } });
    const p = await startProxy({ target: { url: m.chatUrl }, adapterConfig: fastRetry, params: { maxRetries: 3 } });
    const reply = await keylessClient(`${p.url}/v1`).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'q' }] });
    expect(reply.choices[0]?.message.content).toBe('eventually');
    expect(m.stats().requests).toBe(4);
  });

  it('answers 402 once the cost budget is spent, so clients do not retry', async () => {
    const m = await startMock({ defaultReply: 'four words in reply' });
    const p = await startProxy({
      target: { url: m.chatUrl, modelId: 'mock' },
      adapterConfig: { interceptors: [{ name: 'cost', config: { max_tokens_total: 3 } }, 'endpoint'] },
    });
    const client = keylessClient(`${p.url}/v1`);
    await client.chat.completions.create({ model: 'mock', messages: [{ role: 'user', content: 'one' }] });
    const refused = await client.chat.completions.create({ model: 'mock', messages: [{ role: 'user', content: 'two' }] }).catch((e: unknown) => e);
    expect((refused as { status?: number }).status).toBe(402);
    expect(m.stats().requests).toBe(1);
  });

  it('answers 502 when the upstream is unreachable and 504 when it does not reply in time', async () => {
    const down = await startProxy({ target: { url: 'http://127.0.0.1:9/v1/chat/completions' }, adapterConfig: fastRetry, params: { maxRetries: 0 } });
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'q' }] });
    const unreachable = await fetch(`${down.url}/v1/chat/completions`, { method: 'POST', body });
    expect(unreachable.status).toBe(502);
    expect(((await unreachable.json()) as any).error.message).toMatch(/127\.0\.0\.1:9\/v1\/chat\/completions: connection failed/);
    await down.close();

    const m = await startMock({ faults: { hangFirst: 1 } });
    const p = await startProxy({ target: { url: m.chatUrl }, adapterConfig: fastRetry, params: { maxRetries: 0, requestTimeout: 0.2 } });
    const hung = await fetch(`${p.url}/v1/chat/completions`, { method: 'POST', body });
    expect(hung.status).toBe(504);
    expect(((await hung.json()) as any).error).toMatchObject({ type: 'upstream_error', message: expect.stringContaining('no reply within 0.2 s') });
  });

  it('relays a streamed reply (buffered) that the SDK reads as a stream', async () => {
    const m = await startMock({ defaultReply: 'one two three' });
    const p = await startProxy({ target: { url: m.chatUrl } });
    const stream = await keylessClient(`${p.url}/v1`).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'q' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('one two three');
  });

  it('serves /health and /v1/models (the configured model, else the upstream list), and 405s other methods', async () => {
    const m = await startMock({ model: 'upstream-model' });
    const named = await startProxy({ target: { url: m.chatUrl, modelId: 'served-name' } });
    expect(await (await fetch(`${named.url}/health`)).json()).toEqual({ status: 'ok' });
    const listed = await keylessClient(`${named.url}/v1`).models.list();
    expect(listed.data.map((model) => model.id)).toEqual(['served-name']);
    const wrong = await fetch(`${named.url}/v1/chat/completions`, { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(((await wrong.json()) as any).error.message).toMatch(/takes POST on any path/);
    await named.close();

    const relayed = await startProxy({ target: { url: m.chatUrl } });
    expect((await keylessClient(`${relayed.url}/v1`).models.list()).data.map((model) => model.id)).toEqual(['upstream-model']);
  });

  it('answers a body that is not a JSON object with an OpenAI-style 400, sending nothing upstream', async () => {
    const m = await startMock({});
    const p = await startProxy({ target: { url: m.chatUrl } });
    for (const body of ['{"messages": [', '[1, 2]']) {
      const res = await fetch(p.url, { method: 'POST', body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.type).toBe('invalid_request_error');
    }
    expect(m.stats().requests).toBe(0);
  });

  it('close() runs the interceptors’ finish() and returns their reports', async () => {
    const counter = defineInterceptor({
      name: 'counter',
      description: 'counts requests (test only)',
      config: z.strictObject({}),
      create() {
        let seen = 0;
        return {
          intercept: (request, next) => {
            seen++;
            return next(request);
          },
          finish: async () => ({ seen }),
        };
      },
    });
    const registry = new Map<string, InterceptorDefinition>([...BUILT_IN_INTERCEPTORS, ['counter', counter as InterceptorDefinition]]);
    const m = await startMock({ defaultReply: 'ok' });
    const p = await startProxy({ target: { url: m.chatUrl }, adapterConfig: { interceptors: ['counter', 'endpoint'] }, interceptors: registry });
    const client = keylessClient(`${p.url}/v1`);
    for (let i = 0; i < 3; i++) await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: `q${i}` }] });
    proxy = undefined;
    expect(await p.close()).toEqual({ counter: { seen: 3 } });
    await expect(fetch(`${p.url}/health`)).rejects.toThrow();
  });

  it('close() aborts a request still waiting on the upstream', async () => {
    const m = await startMock({ faults: { hangFirst: 1 } });
    const p = await startProxy({ target: { url: m.chatUrl } });
    const pending = fetch(p.url, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: 'q' }] }) }).catch(() => 'dropped');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(m.stats().hanging).toBe(1);
    proxy = undefined;
    await p.close();
    expect(await pending).toBe('dropped');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(m.stats().hanging).toBe(0);
  });

  it('rejects bad options and a busy port with a ConfigError naming the field', async () => {
    await expect(startAdapterServer({ target: { url: 'not a url' } })).rejects.toThrow(/target\.url/);
    await expect(startAdapterServer({ target: { url: 'http://x/v1/chat/completions' }, port: 70000 })).rejects.toThrow(/port/);
    await expect(startAdapterServer({ target: { url: 'http://x/v1/chat/completions' }, ouputDir: '/tmp' } as AdapterServerOptions)).rejects.toThrow(/unknown key "ouputDir"/);
    const p = await startProxy({ target: { url: 'http://127.0.0.1:9/v1/chat/completions' } });
    await expect(startAdapterServer({ target: { url: 'http://127.0.0.1:9/v1/chat/completions' }, port: p.port })).rejects.toThrow(/already in use/);
  });
});
