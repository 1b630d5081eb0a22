import { Agent, type Dispatcher } from 'undici';
import { watchAttempt } from './attempt-deadline.js';

export interface HttpReply {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

/** What ends one POST early: the run's cancellation and the attempt's time limit. */
export interface PostLimits {
  /** Aborting it rejects the POST with the signal's reason. */
  signal: AbortSignal;
  /** No complete reply within this many milliseconds rejects the POST with a `TimeoutError`. */
  timeoutMs: number;
}

/** Sends one JSON POST and reads the whole reply. The single seam where HTTP happens. */
export interface HttpTransport {
  postJson(url: string, body: string, headers: Record<string, string>, limits: PostLimits): Promise<HttpReply>;
  close(): Promise<void>;
}

type DispatchTarget = Pick<Dispatcher.DispatchOptions, 'origin' | 'path'>;

/** Splits URLs into undici's origin and path; a run posts to one URL, so the last split is kept. */
function createUrlSplitter(): (url: string) => DispatchTarget {
  let lastUrl: string | undefined;
  let last: DispatchTarget = { path: '' };
  return (url) => {
    if (url !== lastUrl) {
      const parsed = new URL(url);
      last = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      lastUrl = url;
    }
    return last;
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const key in headers) {
    const value = headers[key];
    if (value !== undefined) flat[key] = String(value);
  }
  return flat;
}

/**
 * undici's `dispatch` over a keep-alive pool sized to the run's parallelism, with a handler that
 * collects the body chunks. This is the cheapest way to make a request in Node: no Readable body
 * stream, no AbortSignal, no per-request listeners (the `request` API has all three, `fetch` more),
 * which keeps the client's per-request work far below the endpoint's latency (docs/benchmarks.md).
 */
export function createUndiciTransport(connections: number, dispatcher?: Dispatcher): HttpTransport {
  const owned = dispatcher ? undefined : new Agent({ connections, keepAliveTimeout: 30_000, pipelining: 1 });
  const used = dispatcher ?? (owned as Agent);
  const split = createUrlSplitter();
  return {
    postJson(url, body, headers, limits) {
      if (limits.signal.aborted) return Promise.reject(limits.signal.reason);
      const { origin, path } = split(url);
      return new Promise<HttpReply>((resolve, reject) => {
        let controller: Dispatcher.DispatchController | undefined;
        let cancelled: Error | undefined;
        let settled = false;
        let status = 0;
        let replyHeaders: Record<string, string> = {};
        const chunks: Buffer[] = [];
        const settle = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          end();
          outcome();
        };
        // Rejects at once; a request still queued for a connection is aborted when it gets one.
        const cancel = (reason: unknown) => {
          // undici wants an Error to destroy the socket with; the caller gets the reason itself.
          cancelled = reason instanceof Error ? reason : new Error(String(reason));
          controller?.abort(cancelled);
          settle(() => reject(reason));
        };
        const end = watchAttempt(limits.signal, limits.timeoutMs, cancel);
        used.dispatch(
          { origin, path, method: 'POST', headers, body },
          {
            onRequestStart(started) {
              controller = started;
              if (cancelled) started.abort(cancelled);
            },
            onResponseStart(_controller, statusCode, responseHeaders) {
              if (statusCode < 200) return; // informational (103 Early Hints): the reply follows
              status = statusCode;
              replyHeaders = flattenHeaders(responseHeaders);
            },
            onResponseData(_controller, chunk) {
              chunks.push(chunk);
            },
            onResponseEnd() {
              const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
              settle(() => resolve({ status, headers: replyHeaders, body: text }));
            },
            onResponseError(_controller, error) {
              settle(() => reject(error));
            },
          },
        );
      });
    },
    async close() {
      await owned?.close();
    },
  };
}

/** A user-supplied `fetch` (e.g. to route through a proxy or instrument requests). */
export function createFetchTransport(fetchImpl: typeof fetch): HttpTransport {
  return {
    async postJson(url, body, headers, limits) {
      const attempt = new AbortController();
      const end = watchAttempt(limits.signal, limits.timeoutMs, (reason) => attempt.abort(reason));
      try {
        const reply = await fetchImpl(url, { method: 'POST', body, headers, signal: attempt.signal });
        const flat: Record<string, string> = {};
        reply.headers.forEach((value, key) => {
          flat[key] = value;
        });
        return { status: reply.status, headers: flat, body: await reply.text() };
      } finally {
        end();
      }
    },
    async close() {},
  };
}
