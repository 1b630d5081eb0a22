/**
 * A snapshot of the mock server's counters. Every request ends up in exactly one of `completed` or
 * `failed` once it is answered (or its client disconnects); until then a generation request is
 * `queued`, `inFlight` or `hanging`.
 */
export interface MockServerStats {
  /** HTTP requests received on any path, health checks and rejected requests included. */
  requests: number;
  /** Requests answered with a 2xx status and a well-formed body. */
  completed: number;
  /**
   * Requests answered with an error status (4xx/5xx, injected or not) or an injected malformed
   * body, plus requests whose client disconnected before the reply (hung ones included).
   */
  failed: number;
  /**
   * Generation requests holding a capacity slot right now: from admission until the reply is
   * written, so `latencyMs` and the `replies` function count. Requests waiting for a slot are
   * `queued`, not in flight, hence `inFlight ≤ capacity` always.
   */
  inFlight: number;
  /** Highest `inFlight` seen since start or the last `resetStats()`; never exceeds `capacity`. */
  peakInFlight: number;
  /** Generation requests waiting for a capacity slot (FIFO). */
  queued: number;
  /** Requests deliberately left unanswered by `faults.hangFirst` whose connection is still open. */
  hanging: number;
  /** `requests` per URL path (query string excluded). */
  byPath: Record<string, number>;
}

/** The live counters behind `MockServerStats`; `queued` lives in the capacity gate. */
export class RequestStats {
  private requests = 0;
  private completed = 0;
  private failed = 0;
  private inFlight = 0;
  private peakInFlight = 0;
  private hanging = 0;
  private byPath = new Map<string, number>();

  received(path: string): void {
    this.requests += 1;
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + 1);
  }

  answered(ok: boolean): void {
    if (ok) this.completed += 1;
    else this.failed += 1;
  }

  admitted(): void {
    this.inFlight += 1;
    if (this.inFlight > this.peakInFlight) this.peakInFlight = this.inFlight;
  }

  leftSlot(): void {
    this.inFlight -= 1;
  }

  hangStarted(): void {
    this.hanging += 1;
  }

  /** A hung request's client went away: it ends as failed. */
  hangEnded(): void {
    this.hanging -= 1;
    this.failed += 1;
  }

  snapshot(queued: number): MockServerStats {
    return {
      requests: this.requests,
      completed: this.completed,
      failed: this.failed,
      inFlight: this.inFlight,
      peakInFlight: this.peakInFlight,
      queued,
      hanging: this.hanging,
      byPath: Object.fromEntries(this.byPath),
    };
  }

  /**
   * Zeroes the totals. Live state (`inFlight`, `queued`, `hanging`) is kept, and `peakInFlight`
   * restarts from the current `inFlight`, so requests already under way finish into the new totals.
   */
  reset(): void {
    this.requests = 0;
    this.completed = 0;
    this.failed = 0;
    this.peakInFlight = this.inFlight;
    this.byPath = new Map();
  }
}
