import { describe, expect, it } from 'vitest';
import { relayedHeaders, upstreamHeaders } from '../../../src/adapters/proxy/proxy-headers.js';

describe('upstreamHeaders', () => {
  const incoming = {
    host: 'localhost:3825',
    connection: 'keep-alive, x-conn-only',
    'x-conn-only': 'dropped',
    'keep-alive': 'timeout=5',
    'content-length': '42',
    'content-type': 'application/json; charset=utf-8',
    'accept-encoding': 'gzip, br',
    'transfer-encoding': 'chunked',
    'user-agent': 'harness/1.0',
    'x-request-id': 'abc',
    'x-multi': ['a', 'b'],
    authorization: 'Bearer sk-client',
  };

  it('drops hop-by-hop, connection-listed, host, length and encoding headers and keeps the rest', () => {
    expect(upstreamHeaders(incoming, undefined)).toEqual({
      'content-type': 'application/json',
      'user-agent': 'harness/1.0',
      'x-request-id': 'abc',
      'x-multi': 'a, b',
      authorization: 'Bearer sk-client',
    });
  });

  it('replaces the client’s authorization with the configured key', () => {
    expect(upstreamHeaders(incoming, 'sk-proxy').authorization).toBe('Bearer sk-proxy');
    expect(upstreamHeaders({}, 'sk-proxy')).toEqual({ 'content-type': 'application/json', authorization: 'Bearer sk-proxy' });
  });
});

describe('relayedHeaders', () => {
  it('drops hop-by-hop headers, content-encoding and content-length, keeps the rest', () => {
    expect(
      relayedHeaders({
        'content-type': 'text/event-stream',
        'content-length': '10',
        'content-encoding': 'gzip',
        'transfer-encoding': 'chunked',
        connection: 'close',
        'retry-after': '3',
        'x-ratelimit-remaining': '7',
      }),
    ).toEqual({ 'content-type': 'text/event-stream', 'retry-after': '3', 'x-ratelimit-remaining': '7' });
  });
});
