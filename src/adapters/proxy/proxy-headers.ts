import type { IncomingHttpHeaders } from 'node:http';

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection and are never relayed. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'trailers', 'transfer-encoding', 'upgrade'];

/**
 * Not forwarded upstream besides hop-by-hop ones: `host` and `content-length` describe the
 * client's request, not the re-serialized one; `accept-encoding` would let the upstream compress a
 * body the proxy reads as text; `expect` asks for a handshake the proxy already did.
 */
const NOT_FORWARDED = new Set([...HOP_BY_HOP, 'host', 'content-length', 'accept-encoding', 'expect']);

/** Not relayed back besides hop-by-hop ones: the relayed body is decoded and re-framed by Node. */
const NOT_RELAYED = new Set([...HOP_BY_HOP, 'content-encoding', 'content-length']);

/** Header names the `connection` header declares connection-specific (they go too). */
function connectionListed(value: string | undefined): Set<string> {
  return new Set((value ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean));
}

/**
 * The headers sent upstream for a client request: the client's own minus the ones above, with
 * `content-type: application/json`. When `apiKey` is given, `authorization: Bearer <apiKey>`
 * replaces whatever the client sent; otherwise the client's `authorization` passes through as is.
 */
export function upstreamHeaders(incoming: IncomingHttpHeaders, apiKey: string | undefined): Record<string, string> {
  const listed = connectionListed(typeof incoming.connection === 'string' ? incoming.connection : undefined);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || NOT_FORWARDED.has(name) || listed.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  headers['content-type'] = 'application/json';
  if (apiKey !== undefined) headers.authorization = `Bearer ${apiKey}`;
  return headers;
}

/** The upstream reply's headers (lower-cased names) as relayed to the client. */
export function relayedHeaders(upstream: Readonly<Record<string, string>>): Record<string, string> {
  const listed = connectionListed(upstream.connection);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (!NOT_RELAYED.has(name) && !listed.has(name)) headers[name] = value;
  }
  return headers;
}
