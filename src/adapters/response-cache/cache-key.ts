import { hash } from 'node:crypto';

/**
 * The part of the request URL a cache key covers: the path alone (`/v1/chat/completions`), or with
 * `includeUrl` scheme, host, port and path. Credentials and the query string are never part of it
 * (either may carry a key). An unparsable URL is taken as is.
 */
export function urlScope(url: string, includeUrl: boolean): string {
  try {
    const parsed = new URL(url);
    return includeUrl ? `${parsed.protocol}//${parsed.host}${parsed.pathname}` : parsed.pathname;
  } catch {
    return url;
  }
}

/**
 * Computes cache keys: the hex sha256 of the URL scope, a newline, and the canonical JSON of the body
 * (`canonicalJson`: keys sorted, no whitespace), which the caller passes in (and may send as the
 * body). Headers (auth included) never count, so by default the same body sent to another host or
 * port serving the same model finds the same entry.
 */
export function createCacheKeyer(includeUrl: boolean): (url: string, canonicalBody: string) => string {
  // Every request of a run goes to the same URL: parse it once.
  let lastUrl: string | undefined;
  let lastScope = '';
  return (url, canonicalBody) => {
    if (url !== lastUrl) {
      lastScope = urlScope(url, includeUrl);
      lastUrl = url;
    }
    return hash('sha256', `${lastScope}\n${canonicalBody}`, 'hex');
  };
}
