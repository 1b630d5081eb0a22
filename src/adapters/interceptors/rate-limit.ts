import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';

const FIELD = 'target.api_endpoint.adapter_config.interceptors (rate_limit).config';

/** A counting semaphore whose waiters leave the FIFO queue when their request is aborted. */
class Semaphore {
  private free: number;
  private readonly waiters: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  /**
   * Takes a slot: `undefined` when one was free (the common case: no promise, nothing to await),
   * else a promise that resolves once the slot is held or rejects when `signal` aborts.
   */
  acquire(signal: AbortSignal): Promise<void> | undefined {
    signal.throwIfAborted();
    if (this.free > 0) {
      this.free--;
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.waiters.splice(this.waiters.indexOf(wake), 1);
        reject(signal.reason);
      };
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiters.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Hands the slot straight to the longest waiter, so a newcomer cannot overtake it. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free++;
  }
}

/**
 * Holds requests back so the endpoint sees at most `max_requests_per_minute` a minute and at most
 * `max_in_flight` at once (set either or both). The rate is a token bucket holding a single token:
 * request starts are spaced at least 60 000 / `max_requests_per_minute` ms apart, so no 60-second
 * window ever holds more than the limit and the endpoint never gets a burst. A request first waits
 * for an in-flight slot, then for its start time; an aborted request leaves the queue at once.
 * Listed before `retry` (e.g. `[retry, rate_limit, endpoint]`) it paces every attempt; otherwise
 * (retry added innermost) it paces requests and their retries go out as the backoff says.
 */
export const rateLimitInterceptor = defineInterceptor({
  name: 'rate_limit',
  description: 'caps requests per minute (evenly spaced) and requests in flight',
  config: z.strictObject({
    max_requests_per_minute: z.number().positive().optional(),
    max_in_flight: z.int().positive().optional(),
  }),
  create(config) {
    if (config.max_requests_per_minute === undefined && config.max_in_flight === undefined) {
      throw new ConfigError(FIELD, 'sets no limit', 'set max_requests_per_minute, max_in_flight, or both');
    }
    const spacingMs = config.max_requests_per_minute === undefined ? 0 : 60_000 / config.max_requests_per_minute;
    const slots = config.max_in_flight === undefined ? undefined : new Semaphore(config.max_in_flight);
    // The earliest time (performance.now() clock) the next request may start.
    let nextStart = 0;

    /** Books this request's start time; a promise to wait for when that is later than now. */
    function awaitTurn(signal: AbortSignal): Promise<void> | undefined {
      if (spacingMs === 0) return undefined;
      const now = performance.now();
      const start = Math.max(now, nextStart);
      nextStart = start + spacingMs;
      return start > now ? sleep(start - now, undefined, { signal }) : undefined;
    }

    return {
      async intercept(request, next) {
        const slot = slots?.acquire(request.signal);
        if (slot) await slot;
        try {
          const turn = awaitTurn(request.signal);
          if (turn) await turn;
          return await next(request);
        } finally {
          slots?.release();
        }
      },
    };
  },
});
