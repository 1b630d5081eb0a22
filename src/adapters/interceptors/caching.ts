import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../core/datasets/canonical-json.js';
import { ConfigError } from '../../core/errors.js';
import { createRedactor } from '../logging/redactor.js';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';
import type { AdapterResponse } from '../pipeline/types.js';
import { isCacheable } from '../response-cache/cacheable.js';
import { createCacheKeyer } from '../response-cache/cache-key.js';
import { KeyedLog } from '../response-cache/keyed-log.js';

const FIELD = 'target.api_endpoint.adapter_config.interceptors[caching].config.cache_dir';
const cap = z.int().min(0).nullable().optional();

interface CachedReply {
  headers: Record<string, string>;
  body: string;
}

function asCachedReply(value: unknown): CachedReply | undefined {
  const reply = value as Partial<CachedReply> | undefined;
  return typeof reply?.body === 'string' && typeof reply.headers === 'object' && reply.headers !== null ? (reply as CachedReply) : undefined;
}

function underCap(log: KeyedLog, max: number | null | undefined): boolean {
  return max === undefined || max === null || log.size < max;
}

/**
 * Answers a request seen before from disk, without calling the endpoint, and stores new answers.
 * NeMo's `caching` interceptor (same name and fields) with these semantics:
 *
 * - Key: sha256 of the request URL's path and the body's canonical JSON (keys sorted), so host,
 *   port and headers (the API key) do not count and a cache moves to another machine or endpoint
 *   serving the same model; `include_url_in_key: true` adds scheme, host and port (never
 *   credentials or the query string). The body is keyed as it reaches this interceptor, i.e. after
 *   the edits of interceptors listed before it.
 * - Hit (`reuse_cached_responses`, default true): a 200 with the stored body and content type,
 *   `latencyMs` 0 and `request.context.cacheHit` set; nothing after this interceptor runs.
 * - Saved (`save_responses`, default true): only a 200 holding a complete answer (see
 *   `isCacheable`: never errors, transport failures, malformed or cut-off replies), only keys not yet
 *   stored, never a reply containing a secret (in any spelling the log redactor knows: raw,
 *   JSON-escaped, percent-encoded), and only while the cache holds fewer than
 *   `max_saved_responses` entries (counting entries from earlier runs; unset or null = no cap).
 *   A cache that cannot be written (a full disk) fails the next request before it is sent, and
 *   the end of the run.
 * - `save_requests` (default false) also stores each new request body (never its headers; secrets
 *   in it replaced by `[REDACTED]` as in the logs), up to `max_saved_requests` entries.
 * - Where: `cache_dir`, default `<output_dir>/cache`, holding `responses/` and `requests/` (see
 *   KeyedLog: append-only segments, crash-safe, safe to share between runs in parallel). With no
 *   `cache_dir` and no output dir (e.g. the proxy without one) nothing is cached.
 *
 * Unlike NeMo's field defaults (`reuse_cached_responses: false`, `cache_dir: /tmp`) the defaults
 * make a rerun into a new output dir with the same `cache_dir` send nothing, as NeMo's default
 * chain does. The report is `{hits, misses, saved}`: requests answered from the cache, requests
 * passed on, responses stored by this run.
 */
export const cachingInterceptor = defineInterceptor({
  name: 'caching',
  description: 'answers repeated requests from an on-disk cache and stores complete answers',
  config: z.strictObject({
    cache_dir: z.string().min(1).optional(),
    reuse_cached_responses: z.boolean().default(true),
    save_requests: z.boolean().default(false),
    save_responses: z.boolean().default(true),
    max_saved_requests: cap,
    max_saved_responses: cap,
    include_url_in_key: z.boolean().default(false),
    /** Accepted for NeMo configs; no effect. */
    log_level: z.string().optional(),
  }),
  create(config, env) {
    const configured = config.cache_dir ?? (env.outputDir === undefined ? undefined : join(env.outputDir, 'cache'));
    if (configured === undefined) return { intercept: (request, next) => next(request) };
    const dir: string = configured;
    const keyOf = createCacheKeyer(config.include_url_in_key);
    const redactor = createRedactor(env.secrets);
    const useResponses = config.reuse_cached_responses || config.save_responses;
    const counts = { hits: 0, misses: 0, saved: 0 };
    let opening: Promise<{ responses?: KeyedLog; requests?: KeyedLog }> | undefined;
    let stores: Awaited<NonNullable<typeof opening>> | undefined;

    async function openStores() {
      try {
        if (config.save_responses || config.save_requests) await mkdir(dir, { recursive: true });
        const [responses, requests] = await Promise.all([
          useResponses ? KeyedLog.open(join(dir, 'responses')) : undefined,
          config.save_requests ? KeyedLog.open(join(dir, 'requests')) : undefined,
        ]);
        return (stores = { responses, requests });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new ConfigError(FIELD, `cannot use ${dir} as the response cache (${code})`, 'point cache_dir at a directory evalforge can read and write');
      }
    }

    function save(log: KeyedLog, key: string, response: AdapterResponse): void {
      const contentType = response.headers['content-type'];
      const valueJson = JSON.stringify({ headers: contentType === undefined ? {} : { 'content-type': contentType }, body: response.body });
      if (redactor.finds(valueJson)) return;
      log.put(key, valueJson);
      counts.saved++;
    }

    return {
      async intercept(request, next) {
        const { responses, requests } = stores ?? (await (opening ??= openStores()));
        responses?.assertWritable();
        requests?.assertWritable();
        const bodyText = canonicalJson(request.body);
        // The same text goes on the wire (keys sorted mean nothing to a JSON server): one serialization, not two.
        request.bodyJson = { of: request.body, text: bodyText };
        const key = keyOf(request.url, bodyText);
        if (requests && !requests.has(key) && underCap(requests, config.max_saved_requests)) {
          requests.put(key, redactor.text(JSON.stringify(request.body)));
        }
        if (responses && config.reuse_cached_responses && responses.has(key)) {
          const cached = asCachedReply(await responses.get(key));
          if (cached) {
            counts.hits++;
            request.context.cacheHit = true;
            return { status: 200, headers: { ...cached.headers }, body: cached.body, latencyMs: 0 };
          }
        }
        counts.misses++;
        const response = await next(request);
        // Stored at once, not off the reply path: the very next request may repeat this one.
        if (
          responses &&
          config.save_responses &&
          !responses.has(key) &&
          underCap(responses, config.max_saved_responses) &&
          isCacheable(response, request.body)
        ) {
          save(responses, key, response);
        }
        return response;
      },
      async finish() {
        const opened = await opening?.catch(() => undefined);
        await Promise.all([opened?.responses?.close(), opened?.requests?.close()]);
        return { ...counts };
      },
    };
  },
});
