/**
 * The adapter pipeline's vocabulary. An interceptor is `(request, next) => response` (as Hono
 * middleware or undici interceptors): it may change the request, answer without calling `next`
 * (a cache hit), or act on what `next` returned. The interceptor list in `adapter_config` is the
 * order, outermost first; the `endpoint` interceptor at the end does the HTTP call.
 */

/** One request on its way to the model endpoint. Interceptors may replace any field. */
export interface AdapterRequest {
  /** The upstream URL (the configured endpoint URL). */
  url: string;
  /** Lower-cased header names. Holds `authorization`: never log or store it unredacted. */
  headers: Record<string, string>;
  /** The parsed JSON body (OpenAI chat or completions request). Replace it to change it; never edit it in place. */
  body: Record<string, unknown>;
  /**
   * A JSON text of `body` an interceptor already made (the cache key's canonical JSON), which the
   * endpoint sends instead of serializing the body again, as long as `body` is still the object
   * `of` (an interceptor that replaces the body thereby drops it). See `requestBodyText`.
   */
  bodyJson?: { of: Record<string, unknown>; text: string };
  /** Aborts on run cancellation; per-attempt timeouts are the endpoint interceptor's job. */
  signal: AbortSignal;
  /** Facts about this request that interceptors share. */
  context: RequestContext;
}

export interface RequestContext {
  /** The sample this request serves, when the caller knows it (for logs and reports). */
  sampleId?: string;
  /** Set by the caching interceptor when the response came from the cache. */
  cacheHit?: boolean;
  /** How many attempts the retry interceptor made (1 = first try succeeded). */
  attempts?: number;
}

/** The endpoint's reply as it travels back out through the interceptors. */
export interface AdapterResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The raw body text. Replace it (and `json`) together when rewriting a reply. */
  body: string;
  /** Milliseconds the endpoint took (0 for a cache hit). */
  latencyMs: number;
  /** The parsed body, memoized: `undefined` until first asked for via `responseJson`. */
  parsed?: { value: unknown } | undefined;
}

export type Handler = (request: AdapterRequest) => Promise<AdapterResponse>;
export type Interceptor = (request: AdapterRequest, next: Handler) => Promise<AdapterResponse>;

/** An interceptor plus what it contributes once the run ends (NeMo's post-eval hook). */
export interface InterceptorInstance {
  intercept: Interceptor;
  /** Flushes state and returns a report section (e.g. response stats), keyed by interceptor name. */
  finish?: () => Promise<Record<string, unknown> | undefined>;
}

/** A transport-level failure (no HTTP reply): timeouts and connection errors. Retryable. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'connection',
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The JSON text to send for `request`: its `bodyJson` when that still describes its body, else the body serialized. */
export function requestBodyText(request: AdapterRequest): string {
  return request.bodyJson?.of === request.body ? request.bodyJson.text : JSON.stringify(request.body);
}

/** The body parsed as JSON once per response; `undefined` when it is not JSON. */
export function responseJson(response: AdapterResponse): unknown {
  if (!response.parsed) {
    let value: unknown;
    try {
      value = JSON.parse(response.body);
    } catch {
      value = undefined;
    }
    response.parsed = { value };
  }
  return response.parsed.value;
}

/** Replaces a response's body with `value` serialized, keeping the memo in step. */
export function withJsonBody(response: AdapterResponse, value: unknown): AdapterResponse {
  return { ...response, body: JSON.stringify(value), parsed: { value } };
}
