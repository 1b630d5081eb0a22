import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../src/testing/index.js';

let server: MockServer | undefined;

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  server = await createMockServer(options);
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function post(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: init.signal ?? null,
  });
}

const chat = (content: string, extra: Record<string, unknown> = {}) => ({ model: 'm', messages: [{ role: 'user', content }], ...extra });

async function chatText(s: MockServer, content: string, extra: Record<string, unknown> = {}): Promise<string> {
  const body = (await (await post(s.chatUrl, chat(content, extra))).json()) as any;
  return body.choices[0].message.content;
}

function sseEvents(text: string): unknown[] {
  expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter((event) => event !== '' && event !== 'data: [DONE]')
    .map((event) => JSON.parse(event.replace(/^data: /, '')));
}

describe('scripted replies', () => {
  it('answers completions by exact prompt text and falls back to defaultReply', async () => {
    const s = await start({ replies: { 'Q: 2+2?': ' 4', constructor: 'own key' }, defaultReply: 'dunno' });
    const hit = (await (await post(s.completionsUrl, { model: 'm', prompt: 'Q: 2+2?' })).json()) as any;
    expect(hit).toMatchObject({
      object: 'text_completion',
      model: 'm',
      choices: [{ index: 0, text: ' 4', finish_reason: 'stop' }],
      usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 },
    });
    expect(hit.id).toMatch(/^cmpl-/);
    expect(typeof hit.created).toBe('number');
    const miss = (await (await post(s.completionsUrl, { prompt: 'Q: 2+2? ' })).json()) as any;
    expect(miss.choices[0].text).toBe('dunno');
    expect(miss.model).toBe('mock-model');
    const proto = (await (await post(s.completionsUrl, { prompt: 'toString' })).json()) as any;
    expect(proto.choices[0].text).toBe('dunno');
  });

  it('keys chat by the last user message and answers one choice per completions prompt', async () => {
    const s = await start({ replies: new Map([['second', 'B'], ['first', 'A']]) });
    const body = {
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'A' },
        { role: 'user', content: [{ type: 'text', text: 'sec' }, { type: 'text', text: 'ond' }] },
      ],
    };
    const reply = (await (await post(s.chatUrl, body)).json()) as any;
    expect(reply.object).toBe('chat.completion');
    expect(reply.choices[0]).toMatchObject({ index: 0, message: { role: 'assistant', content: 'B' }, finish_reason: 'stop' });
    expect(reply.usage).toEqual({ prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 });
    const batch = (await (await post(s.completionsUrl, { prompt: ['first', 'second'] })).json()) as any;
    expect(batch.choices.map((c: any) => [c.index, c.text])).toEqual([
      [0, 'A'],
      [1, 'B'],
    ]);
  });

  it('calls a replies function with kind, prompt and body, and awaits it', async () => {
    const seen: unknown[] = [];
    const s = await start({
      replies: async (req) => {
        seen.push(req);
        return `echo:${req.prompt}`;
      },
    });
    expect(await chatText(s, 'hello')).toBe('echo:hello');
    expect(seen).toEqual([{ kind: 'chat', prompt: 'hello', body: chat('hello') }]);
  });

  it('answers 500 naming the prompt when the replies function returns a non-string', async () => {
    const s = await start({ replies: (() => undefined) as unknown as () => string });
    const res = await post(s.chatUrl, chat('x'));
    expect(res.status).toBe(500);
    expect(((await res.json()) as any).error.message).toContain('returned undefined');
    expect(s.stats()).toMatchObject({ failed: 1, inFlight: 0 });
  });
});

describe('stop and max_tokens', () => {
  const reply = 'The answer is 42.\n\nQuestion: next one';

  it('cuts at the earliest occurrence of any stop string and drops it', async () => {
    const s = await start({ defaultReply: reply });
    expect(await chatText(s, 'q', { stop: 'Question:' })).toBe('The answer is 42.\n\n');
    expect(await chatText(s, 'q', { stop: ['Question:', '\n\n', 'never'] })).toBe('The answer is 42.');
    expect(await chatText(s, 'q', { stop: ['', 'absent'] })).toBe(reply);
  });

  it('truncates to max_tokens whitespace tokens with finish_reason "length"', async () => {
    const s = await start({ defaultReply: reply });
    const cut = (await (await post(s.completionsUrl, { prompt: 'q', max_tokens: 3 })).json()) as any;
    expect(cut.choices[0]).toMatchObject({ text: 'The answer is', finish_reason: 'length' });
    expect(cut.usage.completion_tokens).toBe(3);
    const whole = (await (await post(s.completionsUrl, { prompt: 'q', max_tokens: 7 })).json()) as any;
    expect(whole.choices[0]).toMatchObject({ text: reply, finish_reason: 'stop' });
    const stopFirst = (await (await post(s.chatUrl, chat('q', { max_completion_tokens: 5, stop: ['.'] }))).json()) as any;
    expect(stopFirst.choices[0]).toMatchObject({ message: { content: 'The answer is 42' }, finish_reason: 'stop' });
  });

  it('rejects malformed stop and max_tokens with 400', async () => {
    const s = await start();
    const badStop = await post(s.chatUrl, chat('q', { stop: [1] }));
    expect(badStop.status).toBe(400);
    expect(((await badStop.json()) as any).error).toMatchObject({ type: 'invalid_request_error', param: 'stop' });
    expect((await post(s.completionsUrl, { prompt: 'q', max_tokens: -1 })).status).toBe(400);
  });
});

describe('streaming', () => {
  it('streams chat deltas that concatenate to the reply, then finish_reason, usage and [DONE]', async () => {
    const s = await start({ defaultReply: ' Hello  big\nworld ' });
    const res = await post(s.chatUrl, chat('q', { stream: true, stream_options: { include_usage: true } }));
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = sseEvents(await res.text()) as any[];
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
    expect(events.every((e) => e.object === 'chat.completion.chunk')).toBe(true);
    expect(events[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    const content = events.map((e) => e.choices[0]?.delta?.content ?? '').join('');
    expect(content).toBe(' Hello  big\nworld ');
    expect(events.at(-2).choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    expect(events.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 } });
  });

  it('streams completions text chunks with stop and max_tokens applied', async () => {
    const s = await start({ defaultReply: 'a b c d' });
    const events = sseEvents(await (await post(s.completionsUrl, { prompt: 'q', stream: true, max_tokens: 2 })).text()) as any[];
    expect(events.map((e) => e.choices[0].text).join('')).toBe('a b');
    expect(events.at(-1).choices[0].finish_reason).toBe('length');
    expect(events.every((e) => e.usage === undefined)).toBe(true);
  });
});

describe('latency and capacity', () => {
  it('waits latencyMs (number or function of the request) before replying', async () => {
    const s = await start({ latencyMs: (req) => (req.prompt === 'slow' ? 150 : 0) });
    let t0 = performance.now();
    await chatText(s, 'slow');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    t0 = performance.now();
    await chatText(s, 'fast');
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('processes at most `capacity` at once and serves the rest in arrival order', async () => {
    const order: string[] = [];
    const s = await start({
      capacity: 2,
      latencyMs: 100,
      recordRequests: true,
      replies: (req) => {
        order.push(req.prompt);
        return req.prompt;
      },
    });
    const t0 = performance.now();
    const all = Promise.all(Array.from({ length: 6 }, (_, i) => chatText(s, `p${i}`)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.stats()).toMatchObject({ requests: 6, inFlight: 2, queued: 4, peakInFlight: 2, completed: 0 });
    await all;
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    expect(s.stats()).toMatchObject({ requests: 6, completed: 6, inFlight: 0, queued: 0, peakInFlight: 2 });
    const arrival = s.requests().map((body: any) => body.messages[0].content);
    expect(order).toEqual(arrival);
  });

  it('counts peakInFlight up to the client concurrency when capacity is unlimited', async () => {
    const s = await start({ latencyMs: 50 });
    await Promise.all(Array.from({ length: 20 }, () => chatText(s, 'x')));
    expect(s.stats()).toMatchObject({ completed: 20, peakInFlight: 20, inFlight: 0 });
  });

  it('releases the slot of a request whose client left during latency and counts it failed', async () => {
    const s = await start({ capacity: 1, latencyMs: 150 });
    const gone = post(s.chatUrl, chat('x'), { signal: AbortSignal.timeout(50) }).catch((error: Error) => error.name);
    expect(await gone).toBe('TimeoutError');
    expect(await chatText(s, 'y')).toBe('');
    expect(s.stats()).toMatchObject({ requests: 2, completed: 1, failed: 1, inFlight: 0, peakInFlight: 1 });
  });
});

describe('faults', () => {
  it('fails the first N requests with the given status, then serves', async () => {
    const s = await start({ faults: { failFirst: 2, status: 503 }, defaultReply: 'ok' });
    const first = await post(s.chatUrl, chat('q'));
    expect(first.status).toBe(503);
    expect(((await first.json()) as any).error.type).toBe('server_error');
    expect((await post(s.chatUrl, chat('q'))).status).toBe(503);
    expect(await chatText(s, 'q')).toBe('ok');
    expect(s.stats()).toMatchObject({ failed: 2, completed: 1 });
  });

  it('fails every Nth request with 500 by default', async () => {
    const s = await start({ faults: { failEvery: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(s.completionsUrl, { prompt: 'q' })).status);
    expect(statuses).toEqual([200, 200, 500, 200, 200, 500, 200]);
  });

  it('rate-limits with 429 and retry-after: 0', async () => {
    const s = await start({ faults: { rateLimitFirst: 1 } });
    const res = await post(s.chatUrl, chat('q'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('0');
    expect(((await res.json()) as any).error.code).toBe('rate_limit_exceeded');
    expect((await post(s.chatUrl, chat('q'))).status).toBe(200);
  });

  it('sends 200 with an unparsable body, for JSON and SSE alike', async () => {
    const s = await start({ faults: { malformedFirst: 2 } });
    const json = await post(s.chatUrl, chat('q'));
    expect(json.status).toBe(200);
    await expect(json.json()).rejects.toThrow(SyntaxError);
    const sse = await (await post(s.chatUrl, chat('q', { stream: true }))).text();
    expect(() => sseEvents(sse)).toThrow(SyntaxError);
    expect(s.stats()).toMatchObject({ failed: 2, completed: 0 });
  });

  it('never answers hung requests, so client timeouts fire; the hang ends as failed when the client leaves', async () => {
    const s = await start({ faults: { hangFirst: 1 } });
    const hung = post(s.chatUrl, chat('q'), { signal: AbortSignal.timeout(100) }).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.stats()).toMatchObject({ hanging: 1, failed: 0 });
    expect(await hung).toBe('TimeoutError');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(s.stats()).toMatchObject({ hanging: 0, failed: 1 });
    expect((await post(s.chatUrl, chat('q'))).status).toBe(200);
  });

  it('closes promptly while a request hangs', async () => {
    const s = await start({ faults: { hangFirst: 1 } });
    const hung = post(s.chatUrl, chat('q')).catch(() => 'dropped');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await s.close();
    expect(await hung).toBe('dropped');
  });

  it('uses the budgets one after another: hang, rate limit, fail, malformed; skipping invalid requests', async () => {
    const s = await start({ faults: { hangFirst: 1, rateLimitFirst: 1, failFirst: 1, malformedFirst: 1 } });
    void post(s.chatUrl, chat('q'), { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await post(s.chatUrl, '{nope')).status).toBe(400);
    expect((await post(s.chatUrl, chat('q'))).status).toBe(429);
    expect((await post(s.chatUrl, chat('q'))).status).toBe(500);
    await expect((await post(s.chatUrl, chat('q'))).json()).rejects.toThrow(SyntaxError);
    expect((await post(s.chatUrl, chat('q'))).status).toBe(200);
  });
});

describe('connection resets and random faults', () => {
  it('resets the first N connections without a reply, then serves', async () => {
    const s = await start({ faults: { resetFirst: 2 }, defaultReply: 'ok' });
    const dropped = await post(s.chatUrl, chat('q')).catch((error: Error) => (error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.message);
    expect(dropped).toBe('ECONNRESET');
    await expect(post(s.chatUrl, chat('q'))).rejects.toThrow();
    expect(await chatText(s, 'q')).toBe('ok');
    expect(s.stats()).toMatchObject({ failed: 2, completed: 1, inFlight: 0 });
  });

  it('resets every Nth request; failEvery wins where both apply, and budgets come first', async () => {
    const s = await start({ faults: { malformedFirst: 1, failEvery: 4, resetEvery: 2 } });
    const outcomes: Array<number | string> = [];
    for (let i = 0; i < 8; i++) outcomes.push(await post(s.completionsUrl, { prompt: 'q' }).then((r) => r.status, () => 'reset'));
    expect(outcomes).toEqual([200, 'reset', 200, 500, 200, 'reset', 200, 500]);
  });

  it('sends retryAfter seconds with injected 429s', async () => {
    const s = await start({ faults: { rateLimitFirst: 1, retryAfter: 2 } });
    expect((await post(s.chatUrl, chat('q'))).headers.get('retry-after')).toBe('2');
  });

  /** What each of `n` sequential requests got: a status, 'reset' or 'hang'. */
  async function outcomes(options: MockServerOptions, n: number): Promise<Array<number | string>> {
    const s = await createMockServer(options);
    try {
      const seen: Array<number | string> = [];
      for (let i = 0; i < n; i++) {
        seen.push(
          await post(s.chatUrl, chat('q'), { signal: AbortSignal.timeout(200) }).then(
            (r) => r.status,
            (error: Error) => (error.name === 'TimeoutError' ? 'hang' : 'reset'),
          ),
        );
      }
      return seen;
    } finally {
      await s.close();
    }
  }

  it('faults about randomRate of the requests with the listed kinds, the same ones for the same seed', async () => {
    const faults = { randomRate: 0.3, seed: 7, kinds: ['fail', 'rateLimit', 'reset', 'malformed'] as const };
    const first = await outcomes({ faults }, 60);
    expect(await outcomes({ faults }, 60)).toEqual(first);
    const faulted = first.filter((o) => o !== 200).length;
    expect(faulted).toBeGreaterThan(8);
    expect(faulted).toBeLessThan(30);
    expect(new Set(first)).toEqual(new Set([200, 500, 429, 'reset']));
    expect(await outcomes({ faults: { ...faults, seed: 8 } }, 60)).not.toEqual(first);
  });

  it('draws hangs too, and leaves requests alone at rate 0', async () => {
    const hangs = await outcomes({ faults: { randomRate: 1, kinds: ['hang'] } }, 2);
    expect(hangs).toEqual(['hang', 'hang']);
    expect(await outcomes({ faults: { randomRate: 0 } }, 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('rejects bad random fault options naming the option', async () => {
    await expect(createMockServer({ faults: { randomRate: 1.5 } })).rejects.toThrow(/faults\.randomRate/);
    await expect(createMockServer({ faults: { randomRate: 0.1, kinds: [] } })).rejects.toThrow(/faults\.kinds/);
    await expect(createMockServer({ faults: { kinds: ['boom' as 'fail'] } })).rejects.toThrow(/faults\.kinds\.0/);
    await expect(createMockServer({ faults: { seed: 1.5 } })).rejects.toThrow(/faults\.seed/);
  });
});

describe('protocol', () => {
  it('answers invalid JSON and invalid bodies with an OpenAI-style 400', async () => {
    const s = await start();
    const res = await post(s.chatUrl, '{"messages": [');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error).toMatchObject({ type: 'invalid_request_error', param: null, code: null });
    const noMessages = await post(s.chatUrl, { messages: [] });
    expect(((await noMessages.json()) as any).error.param).toBe('messages');
    expect((await post(s.completionsUrl, { prompt: 3 })).status).toBe(400);
    expect((await post(s.completionsUrl, [1])).status).toBe(400);
  });

  it('serves /health and /v1/models, 404s unknown paths and 405s wrong methods', async () => {
    const s = await start({ model: 'served' });
    expect(await (await fetch(`${s.url}/health`)).json()).toEqual({ status: 'ok' });
    const models = (await (await fetch(`${s.url}/v1/models`)).json()) as any;
    expect(models).toMatchObject({ object: 'list', data: [{ id: 'served', object: 'model' }] });
    expect((await fetch(`${s.url}/v1/embeddings`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(s.chatUrl)).status).toBe(405);
    expect(((await (await post(s.chatUrl, { messages: [{ role: 'user', content: 'q' }] })).json()) as any).model).toBe('served');
  });

  it('requires the API key on /v1/* when requireApiKey is set, but not on /health', async () => {
    const s = await start({ requireApiKey: 'sk-test' });
    const missing = await post(s.chatUrl, chat('q'));
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as any).error.code).toBe('invalid_api_key');
    expect((await post(s.chatUrl, chat('q'), { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${s.url}/v1/models`)).status).toBe(401);
    expect((await post(s.chatUrl, chat('q'), { headers: { authorization: 'Bearer sk-test' } })).status).toBe(200);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });

  it('exposes its URLs', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.chatUrl).toBe(`${s.url}/v1/chat/completions`);
    expect(s.completionsUrl).toBe(`${s.url}/v1/completions`);
  });
});

describe('stats and recording', () => {
  it('counts requests per path, completed and failed, and resets the totals', async () => {
    const s = await start({ recordRequests: true });
    await post(s.chatUrl, chat('a'));
    await post(`${s.completionsUrl}?x=1`, { prompt: 'b' });
    await post(s.completionsUrl, 'not json');
    await fetch(`${s.url}/health`);
    expect(s.stats()).toEqual({
      requests: 4,
      completed: 3,
      failed: 1,
      inFlight: 0,
      peakInFlight: 1,
      queued: 0,
      hanging: 0,
      byPath: { '/v1/chat/completions': 1, '/v1/completions': 2, '/health': 1 },
    });
    expect(s.requests()).toEqual([chat('a'), { prompt: 'b' }]);
    s.resetStats();
    expect(s.stats()).toMatchObject({ requests: 0, completed: 0, failed: 0, peakInFlight: 0, byPath: {} });
    expect(s.requests()).toEqual([]);
  });

  it('keeps no bodies unless recordRequests is set', async () => {
    const s = await start();
    await post(s.chatUrl, chat('a'));
    expect(() => s.requests()).toThrow(ConfigError);
  });

  it('rejects bad options with a ConfigError naming the option', async () => {
    await expect(createMockServer({ capacity: 0 })).rejects.toThrow(/createMockServer options\.capacity/);
    await expect(createMockServer({ faults: { failFirst: -1 } })).rejects.toThrow(/faults\.failFirst/);
    await expect(createMockServer({ latency: 5 } as MockServerOptions)).rejects.toThrow(/unknown option latency/);
  });

  it('reports a busy port as a ConfigError', async () => {
    const s = await start();
    const port = Number(new URL(s.url).port);
    await expect(createMockServer({ port })).rejects.toThrow(/already in use/);
  });
});
