import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from '../pipeline/types.js';
import { BudgetExceededError } from '../../core/errors.js';
import { TransportError } from '../pipeline/types.js';
import { readRequestBody } from '../read-request-body.js';
import { redactUrl } from '../redact-url.js';
import { errorBody, modelsReply } from './models-route.js';
import { relayedHeaders, upstreamHeaders } from './proxy-headers.js';

export interface ProxyHandlerOptions {
  /** The adapter pipeline every generation request goes through. */
  handle: Handler;
  /** The upstream endpoint URL every POST is forwarded to, whatever path it arrived on. */
  url: string;
  modelId: string | undefined;
  /** The key to send upstream instead of the client's `authorization`, if configured. */
  apiKey: string | undefined;
  /** Aborts every request under way (the server is closing). */
  closing: AbortSignal;
  /** Called with each request's settling promise, so closing can wait for them. */
  track(done: Promise<void>): void;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** `text` with every secret replaced, for error bodies that quote messages from interceptors. */
function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join('[REDACTED]'), text);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.destroyed) return;
  res.writeHead(status, headers);
  res.end(body);
}


/**
 * The adapter server's routes: `GET /health`; `GET /v1/models` (see `modelsReply`); `POST` on any
 * path runs the JSON body through the pipeline to the upstream URL and relays status, headers
 * (minus hop-by-hop, content-encoding and content-length) and body. The upstream's reply is read
 * whole before it is relayed, `stream: true` replies included (one write of the whole SSE text).
 * Transport failures after the pipeline's retries answer 504 (timeout) or 502 (connection), a
 * request the `cost` budget refuses 402, any other failure 500, all with an OpenAI-style error body. Nothing is logged; headers never appear
 * in a reply.
 */
export function createProxyHandler(options: ProxyHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { handle, url, modelId, apiKey, closing } = options;
  const secrets = apiKey === undefined ? [] : [apiKey];
  const routes = `POST on any path (forwarded to ${redactUrl(url)}), GET /v1/models and GET /health`;

  async function serve(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] as string;
    if (req.method === 'GET' && path === '/health') return send(res, 200, JSON_TYPE, '{"status":"ok"}');
    if (req.method === 'GET' && /^(\/v1)?\/models\/?$/.test(path)) {
      const authorization = apiKey === undefined ? req.headers.authorization : `Bearer ${apiKey}`;
      const reply = await modelsReply(url, modelId, authorization, signal);
      return send(res, reply.status, reply.headers, reply.body);
    }
    if (req.method !== 'POST') return send(res, 405, JSON_TYPE, errorBody(`${req.method} ${path} is not served; the adapter server takes ${routes}`, 'invalid_request_error'));

    let body: unknown;
    try {
      body = JSON.parse(await readRequestBody(req));
    } catch (error) {
      return send(res, 400, JSON_TYPE, errorBody(`The request body is not valid JSON: ${(error as Error).message}`, 'invalid_request_error'));
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return send(res, 400, JSON_TYPE, errorBody('The request body must be a JSON object.', 'invalid_request_error'));
    }
    const request = { url, headers: upstreamHeaders(req.headers, apiKey), body: body as Record<string, unknown>, signal, context: {} };
    try {
      const response = await handle(request);
      return send(res, response.status, relayedHeaders(response.headers), response.body);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof TransportError) {
        const status = error.kind === 'timeout' ? 504 : 502;
        return send(res, status, JSON_TYPE, errorBody(`${redactUrl(url)}: ${scrub(error.message, secrets)}`, 'upstream_error'));
      }
      // 402 rather than 500: a client must not retry a request the budget refuses.
      if (error instanceof BudgetExceededError) return send(res, 402, JSON_TYPE, errorBody(scrub(error.message, secrets), 'insufficient_quota'));
      return send(res, 500, JSON_TYPE, errorBody(`adapter pipeline failed: ${scrub((error as Error).message ?? String(error), secrets)}`, 'server_error'));
    }
  }

  return (req, res) => {
    const controller = new AbortController();
    const abort = () => controller.abort();
    if (closing.aborted) abort();
    else closing.addEventListener('abort', abort, { once: true });
    // The client hung up before the reply: stop the upstream request (and its retries) too.
    res.once('close', () => {
      if (!res.writableFinished) abort();
      closing.removeEventListener('abort', abort);
    });
    const done = serve(req, res, controller.signal).catch((error: unknown) => {
      send(res, 500, JSON_TYPE, errorBody(`adapter server error: ${scrub((error as Error).message ?? String(error), secrets)}`, 'server_error'));
    });
    options.track(done);
  };
}
