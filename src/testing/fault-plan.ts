import type { MockFaults } from './mock-server-options.js';

export type FaultKind = 'hang' | 'rateLimit' | 'fail' | 'malformed';

/**
 * Decides which generation request gets which injected fault (semantics on `MockFaults`): the
 * `*First` budgets are consecutive ranges of request numbers in the order hang, rateLimit, fail,
 * malformed; `failEvery` fails the multiples of itself that no budget took.
 */
export class FaultPlan {
  private seen = 0;
  private readonly hangEnd: number;
  private readonly rateLimitEnd: number;
  private readonly failEnd: number;
  private readonly malformedEnd: number;
  private readonly failEvery: number;

  constructor(faults: MockFaults) {
    this.hangEnd = faults.hangFirst ?? 0;
    this.rateLimitEnd = this.hangEnd + (faults.rateLimitFirst ?? 0);
    this.failEnd = this.rateLimitEnd + (faults.failFirst ?? 0);
    this.malformedEnd = this.failEnd + (faults.malformedFirst ?? 0);
    this.failEvery = faults.failEvery ?? 0;
  }

  /** The fault for the next request, or `undefined` to serve it normally. */
  next(): FaultKind | undefined {
    const n = ++this.seen;
    if (n <= this.hangEnd) return 'hang';
    if (n <= this.rateLimitEnd) return 'rateLimit';
    if (n <= this.failEnd) return 'fail';
    if (n <= this.malformedEnd) return 'malformed';
    if (this.failEvery > 0 && n % this.failEvery === 0) return 'fail';
    return undefined;
  }
}
