import { request } from 'undici';
import { redactUrl } from '../redact-url.js';
import type { HttpReply } from '../http-transport.js';
import { relayedHeaders } from './proxy-headers.js';

/** An OpenAI-style error body: `{"error": {message, type, param, code}}`. */
export function errorBody(message: string, type: string): string {
  return JSON.stringify({ error: { message, type, param: null, code: null } });
}

/**
 * The upstream's model list URL: the endpoint URL with its trailing `/chat/completions` or
 * `/completions` replaced by `/models` (query kept), or `undefined` for any other path.
 */
export function modelsUrl(endpointUrl: string): string | undefined {
  const url = new URL(endpointUrl);
  const path = url.pathname.replace(/\/(chat\/)?completions\/?$/, '/models');
  if (path === url.pathname) return undefined;
  url.pathname = path;
  return url.toString();
}

/**
 * `GET /v1/models` on the proxy: with a configured `modelId`, a list holding just that model (no
 * upstream call); otherwise the upstream's own list, fetched with `authorization` and relayed.
 */
export async function modelsReply(endpointUrl: string, modelId: string | undefined, authorization: string | undefined, signal: AbortSignal): Promise<HttpReply> {
  const json = { 'content-type': 'application/json' };
  if (modelId !== undefined) {
    const body = JSON.stringify({ object: 'list', data: [{ id: modelId, object: 'model', created: 0, owned_by: 'evalforge' }] });
    return { status: 200, headers: json, body };
  }
  const url = modelsUrl(endpointUrl);
  if (url === undefined) {
    const message = `cannot derive a models URL from ${redactUrl(endpointUrl)}: start the proxy with a model id (--model_id) to answer /v1/models`;
    return { status: 404, headers: json, body: errorBody(message, 'invalid_request_error') };
  }
  try {
    const reply = await request(url, { method: 'GET', headers: authorization ? { authorization } : {}, signal });
    const body = await reply.body.text();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.headers)) if (value !== undefined) headers[name] = String(value);
    return { status: reply.statusCode, headers: relayedHeaders(headers), body };
  } catch (error) {
    const message = `${redactUrl(url)} did not answer: ${(error as Error).message}`;
    return { status: 502, headers: json, body: errorBody(message, 'upstream_error') };
  }
}
