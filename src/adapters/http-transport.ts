import { Agent, request, type Dispatcher } from 'undici';

export interface HttpReply {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

/** Sends one JSON POST and reads the whole reply. The single seam where HTTP happens. */
export interface HttpTransport {
  postJson(url: string, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<HttpReply>;
  close(): Promise<void>;
}

/**
 * undici's `request` over a keep-alive pool sized to the run's parallelism: cheaper per call than
 * `fetch` (no WHATWG stream wrapping), so the client is never what limits throughput.
 */
export function createUndiciTransport(connections: number, dispatcher?: Dispatcher): HttpTransport {
  const owned = dispatcher ? undefined : new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 });
  const used = dispatcher ?? (owned as Agent);
  return {
    async postJson(url, body, headers, signal) {
      const reply = await request(url, { method: 'POST', body, headers, signal, dispatcher: used });
      const text = await reply.body.text();
      const flat: Record<string, string> = {};
      for (const [key, value] of Object.entries(reply.headers)) if (value !== undefined) flat[key] = String(value);
      return { status: reply.statusCode, headers: flat, body: text };
    },
    async close() {
      await owned?.close();
    },
  };
}

/** A user-supplied `fetch` (e.g. to route through a proxy or instrument requests). */
export function createFetchTransport(fetchImpl: typeof fetch): HttpTransport {
  return {
    async postJson(url, body, headers, signal) {
      const reply = await fetchImpl(url, { method: 'POST', body, headers, signal });
      const flat: Record<string, string> = {};
      reply.headers.forEach((value, key) => {
        flat[key] = value;
      });
      return { status: reply.status, headers: flat, body: await reply.text() };
    },
    async close() {},
  };
}
