import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetchTransport, createUndiciTransport, type HttpTransport } from '../../src/adapters/http-transport.js';

let server: Server | undefined;
let transport: HttpTransport | undefined;
afterEach(async () => {
  await transport?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = transport = undefined;
});

/** A real HTTP server on 127.0.0.1; returns the URL of `/v1/chat/completions?x=1` on it. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse, body: string) => void): Promise<string> {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => handler(request, response, body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1/chat/completions?x=1`;
}

const limits = (timeoutMs = 5_000, signal = new AbortController().signal) => ({ signal, timeoutMs });

describe.each([
  ['undici dispatch', () => createUndiciTransport(2)],
  ['user fetch', () => createFetchTransport(fetch)],
])('%s transport', (_name, create) => {
  it('posts the body with its headers to the path and query, and reads a reply sent in pieces', async () => {
    const seen: { url?: string; body?: string; auth?: string } = {};
    const url = await serve((request, response, body) => {
      Object.assign(seen, { url: request.url, body, auth: request.headers.authorization });
      response.writeHead(201, { 'X-Trace': 'abc', 'X-Multi': ['a=1', 'b=2'] });
      // "é" and "€" split across writes: the reply is decoded once, whole.
      const bytes = Buffer.from('{"text":"é€ done"}');
      response.write(bytes.subarray(0, 10));
      setTimeout(() => response.end(bytes.subarray(10)), 20);
    });
    transport = create();
    const reply = await transport.postJson(url, '{"q":1}', { 'content-type': 'application/json', authorization: 'Bearer k' }, limits());
    expect(seen).toEqual({ url: '/v1/chat/completions?x=1', body: '{"q":1}', auth: 'Bearer k' });
    expect(reply.status).toBe(201);
    expect(reply.body).toBe('{"text":"é€ done"}');
    expect(reply.headers['x-trace']).toBe('abc');
    expect(reply.headers['x-multi']).toContain('a=1');
  });

  it('rejects with a TimeoutError when the reply does not come in time', async () => {
    const url = await serve(() => {}); // never answers
    transport = create();
    const started = performance.now();
    const failure = await transport.postJson(url, '{}', {}, limits(100)).catch((error: unknown) => error);
    expect((failure as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('rejects with the run’s reason when the run is cancelled, before or during the request', async () => {
    const url = await serve(() => {});
    transport = create();
    const run = new AbortController();
    const pending = transport.postJson(url, '{}', {}, limits(60_000, run.signal)).catch((error: unknown) => error);
    setTimeout(() => run.abort(new Error('stopped by user')), 50);
    expect(((await pending) as Error).message).toBe('stopped by user');
    const late = await transport.postJson(url, '{}', {}, limits(60_000, run.signal)).catch((error: unknown) => error);
    expect((late as Error).message).toBe('stopped by user');
  });

  it('rejects with a connection error, not a timeout, when the server resets the connection', async () => {
    const url = await serve((request) => request.socket.destroy());
    transport = create();
    const failure = await transport.postJson(url, '{}', {}, limits()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).name).not.toBe('TimeoutError');
  });
});

describe('undici dispatch transport', () => {
  it('gives up on a request still queued for a connection when it times out, and the pool goes on', async () => {
    let calls = 0;
    const url = await serve((_request, response) => {
      calls++;
      setTimeout(() => response.end('{"ok":true}'), 300);
    });
    transport = createUndiciTransport(1); // one connection: the second request waits for the first
    const first = transport.postJson(url, '{}', {}, limits());
    const queued = await transport.postJson(url, '{}', {}, limits(50)).catch((error: unknown) => error);
    expect((queued as Error).name).toBe('TimeoutError');
    expect((await first).body).toBe('{"ok":true}');
    expect((await transport.postJson(url, '{}', {}, limits())).status).toBe(200);
    expect(calls).toBe(2); // the timed-out request never reached the server
  });
});
