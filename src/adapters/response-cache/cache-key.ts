import { hash } from 'node:crypto';
import { canonicalJson } from '../../core/datasets/canonical-json.js';

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
 * (keys sorted, no whitespace). Headers (auth included) never count, so by default the same body
 * sent to another host or port serving the same model finds the same entry.
 */
export function createCacheKeyer(includeUrl: boolean): (url: string, body: unknown) => string {
  // Every request of a run goes to the same URL: parse it once.
  let lastUrl: string | undefined;
  let lastScope = '';
  return (url, body) => {
    if (url !== lastUrl) {
      lastScope = urlScope(url, includeUrl);
      lastUrl = url;
    }
    return hash('sha256', `${lastScope}\n${canonicalJson(body)}`, 'hex');
  };
}
