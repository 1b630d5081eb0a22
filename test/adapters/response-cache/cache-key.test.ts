import { describe, expect, it } from 'vitest';
import { createCacheKeyer, urlScope } from '../../../src/adapters/response-cache/cache-key.js';
import { canonicalJson } from '../../../src/core/datasets/canonical-json.js';

/** A keyer over bodies, as the caching interceptor uses it (it passes the body's canonical JSON). */
const keyer = (includeUrl: boolean) => {
  const key = createCacheKeyer(includeUrl);
  return (url: string, body: unknown) => key(url, canonicalJson(body));
};

describe('cache keys', () => {
  it('cover the URL path and the body with keys sorted, not host, port, credentials or query', () => {
    const key = keyer(false);
    const a = key('http://host-a:8000/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'q' }], temperature: 0 });
    const b = key('https://user:pw@host-b:9/v1/chat/completions?api-key=x', { temperature: 0, messages: [{ content: 'q', role: 'user' }], model: 'm' });
    // sha256 of "/v1/chat/completions\n" + the canonical JSON: pinned, so caches stay valid across versions.
    expect(a).toBe('2227ac2715efe50acca0a00a6248c8211127d5baf593456b22d712485763d539');
    expect(b).toBe(a);
    expect(key('http://host-a:8000/v1/completions', { model: 'm', messages: [{ role: 'user', content: 'q' }], temperature: 0 })).not.toBe(a);
    expect(key('http://host-a:8000/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'q' }], temperature: 0.5 })).not.toBe(a);
  });

  it('with include_url_in_key also cover scheme, host and port, still without credentials or query', () => {
    const key = keyer(true);
    const body = { model: 'm', prompt: 'p' };
    expect(key('http://u:p@h:1/v1/completions?k=1', body)).toBe(key('http://h:1/v1/completions', body));
    expect(key('http://h:2/v1/completions', body)).not.toBe(key('http://h:1/v1/completions', body));
    expect(urlScope('http://u:secret@h:1/v1/completions?key=abc', true)).toBe('http://h:1/v1/completions');
    expect(urlScope('http://u:secret@h:1/v1/completions?key=abc', false)).toBe('/v1/completions');
  });
});
