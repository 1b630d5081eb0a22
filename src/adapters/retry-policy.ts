/** When and how long to wait before retrying a failed request. */
export interface RetryPolicy {
  maxRetries: number;
  /** First backoff; doubles each attempt, with ±50% jitter, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Statuses worth retrying: the server is busy or failed transiently. Other 4xx are the request's fault. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Delay before retry number `attempt` (0-based), honouring a `retry-after` header in seconds. */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfter?: string): number {
  const seconds = retryAfter === undefined ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxDelayMs);
  const exponential = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  return exponential * (0.5 + Math.random());
}
