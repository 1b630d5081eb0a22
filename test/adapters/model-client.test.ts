import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/adapters/model-client.js';
import type { ResolvedEndpoint } from '../../src/core/config/resolve-run.js';
import { ConfigError, EndpointError } from '../../src/core/errors.js';
import type { ModelPrompt } from '../../src/core/task.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: MockServerOptions): Promise<MockServer> {
  server = await createMockServer(options);
  return server;
}

function chatEndpoint(s: MockServer, extra: Partial<ResolvedEndpoint> = {}): ResolvedEndpoint {
  return { url: s.chatUrl, modelId: 'm', type: 'chat', ...extra };
}

/** Retries without the production backoff, so the tests stay fast. */
const fastRetry = { adapterConfig: { interceptors: [{ name: 'retry', config: { base_delay_ms: 1, max_delay_ms: 5 } }, 'endpoint'] } };
const hello: ModelPrompt = { kind: 'chat', messages: [{ role: 'user', content: 'hi' }] };
const signal = () => new AbortController().signal;

describe('model client against a real HTTP endpoint', () => {
  it('sends the OpenAI chat body and reads content, finish reason and usage', async () => {
    const s = await start({ replies: { hi: 'hello there' }, recordRequests: true });
    const client = createModelClient(chatEndpoint(s), { maxNewTokens: 7, temperature: 0, topP: 1 });
    const reply = await client.generate({ ...hello, stop: ['\n'] }, signal());
    await client.close();
    expect(reply.text).toBe('hello there');
    expect(reply.finishReason).toBe('stop');
    expect(reply.usage).toEqual({ promptTokens: 1, completionTokens: 2 });
    expect(s.requests()[0]).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], max_tokens: 7, temperature: 0, top_p: 1, stop: ['\n'] });
  });

  it('speaks the completions shape and assembles a streamed reply', async () => {
    const s = await start({ replies: { 'Question: 1+1\nAnswer:': ' 2' } });
    const client = createModelClient({ url: s.completionsUrl, modelId: 'm', type: 'completions', stream: true }, {});
    expect((await client.generate({ kind: 'completions', prompt: 'Question: 1+1\nAnswer:' }, signal())).text).toBe(' 2');
    await client.close();
  });

  it('retries 500s, 429s and malformed bodies, then succeeds', async () => {
    const s = await start({ defaultReply: 'ok', faults: { failFirst: 1, rateLimitFirst: 1, malformedFirst: 1 } });
    const client = createModelClient(chatEndpoint(s, fastRetry), { maxRetries: 3 });
    expect((await client.generate(hello, signal())).text).toBe('ok');
    await client.close();
    expect(s.stats().requests).toBe(4);
  });

  it('retries a request that times out', async () => {
    const s = await start({ defaultReply: 'late but fine', faults: { hangFirst: 1 } });
    const client = createModelClient(chatEndpoint(s, fastRetry), { maxRetries: 1, requestTimeout: 0.3 });
    expect((await client.generate(hello, signal())).text).toBe('late but fine');
    await client.close();
  });

  it('gives up after max_retries with an EndpointError naming the URL and the last problem', async () => {
    const s = await start({ faults: { failFirst: 10, status: 503 } });
    const client = createModelClient(chatEndpoint(s, fastRetry), { maxRetries: 2 });
    const error = await client.generate(hello, signal()).catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(EndpointError);
    expect((error as Error).message).toMatch(/failed after 3 attempts; last: HTTP 503/);
    expect((error as Error).message).toContain(s.chatUrl);
  });

  it('does not retry a 4xx that is the request’s fault, and says what to check', async () => {
    const s = await start({ faults: { failFirst: 1, status: 404 } });
    const client = createModelClient(chatEndpoint(s, fastRetry), { maxRetries: 5 });
    const error = await client.generate(hello, signal()).catch((e: unknown) => e);
    await client.close();
    expect((error as EndpointError).status).toBe(404);
    expect((error as Error).message).toMatch(/--model_url/);
    expect(s.stats().requests).toBe(1);
  });

  it('reads the key from the named variable and never puts it in an error', async () => {
    const key = 'sk-test-secret-value-123';
    const s = await start({ defaultReply: 'authorized', requireApiKey: key });
    const good = createModelClient(chatEndpoint(s, { apiKeyName: 'MY_KEY' }), {}, { env: { MY_KEY: key } });
    expect((await good.generate(hello, signal())).text).toBe('authorized');
    await good.close();

    const wrong = createModelClient(chatEndpoint(s, { apiKeyName: 'MY_KEY' }), { maxRetries: 0 }, { env: { MY_KEY: `${key}-wrong` } });
    const error = await wrong.generate(hello, signal()).catch((e: unknown) => e);
    await wrong.close();
    expect((error as EndpointError).status).toBe(401);
    expect((error as Error).message).not.toContain(key);
    expect((error as Error).message).toMatch(/api_key_name/);
  });

  it('fails before any request when the named variable is unset', () => {
    expect(() => createModelClient({ url: 'http://127.0.0.1:1/v1/chat/completions', modelId: 'm', type: 'chat', apiKeyName: 'NOPE_UNSET' }, {}, { env: {} })).toThrow(
      ConfigError,
    );
  });

  it('hides query strings and credentials of the URL in errors', async () => {
    const client = createModelClient({ url: 'http://user:pw@127.0.0.1:9/v1/chat/completions?key=abc', modelId: 'm', type: 'chat' }, { maxRetries: 0 });
    const error = await client.generate(hello, signal()).catch((e: unknown) => e);
    await client.close();
    expect((error as Error).message).toMatch(/connection failed/);
    expect((error as Error).message).not.toMatch(/pw|abc/);
  });

  it('sends through a dispatcher the caller gives (here one composed with an undici interceptor)', async () => {
    const s = await start({ replies: { hi: 'through the dispatcher' } });
    const origins: string[] = [];
    const agent = new Agent({ connections: 2 });
    const counting = agent.compose((dispatch) => (options, handler) => {
      origins.push(String(options.origin));
      return dispatch(options, handler);
    });
    const client = createModelClient(chatEndpoint(s), {}, { dispatcher: counting });
    const reply = await client.generate(hello, signal());
    await client.close();
    await agent.close();
    expect(reply.text).toBe('through the dispatcher');
    expect(origins).toEqual([new URL(s.chatUrl).origin]);
  });
});
