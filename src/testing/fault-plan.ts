import type { MockFaultKind, MockFaults } from './mock-server-options.js';

/** The kinds `randomRate` draws from unless `kinds` says otherwise. */
export const DEFAULT_RANDOM_KINDS: readonly MockFaultKind[] = ['fail', 'rateLimit', 'reset', 'hang'];

/**
 * A uniform number in [0, 1) that depends only on `seed`, `n` and `salt` (murmur3's 32-bit
 * finalizer over the three mixed), so request n's draw does not depend on which earlier requests
 * the other rules took.
 */
function unitHash(seed: number, n: number, salt: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n, 0xc2b2ae35) ^ Math.imul(salt + 1, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/**
 * Decides which generation request gets which injected fault (semantics on `MockFaults`): the
 * `*First` budgets are consecutive ranges of request numbers in the order hang, rateLimit, fail,
 * malformed, reset; then `failEvery` and `resetEvery` take the multiples of themselves (failEvery
 * first); then `randomRate` draws for the rest.
 */
export class FaultPlan {
  private seen = 0;
  private readonly budgets: Array<[end: number, kind: MockFaultKind]> = [];
  private readonly failEvery: number;
  private readonly resetEvery: number;
  private readonly randomRate: number;
  private readonly seed: number;
  private readonly kinds: readonly MockFaultKind[];

  constructor(faults: MockFaults) {
    let end = 0;
    const budgetOrder: Array<[number | undefined, MockFaultKind]> = [
      [faults.hangFirst, 'hang'],
      [faults.rateLimitFirst, 'rateLimit'],
      [faults.failFirst, 'fail'],
      [faults.malformedFirst, 'malformed'],
      [faults.resetFirst, 'reset'],
    ];
    for (const [count, kind] of budgetOrder) {
      end += count ?? 0;
      this.budgets.push([end, kind]);
    }
    this.failEvery = faults.failEvery ?? 0;
    this.resetEvery = faults.resetEvery ?? 0;
    this.randomRate = faults.randomRate ?? 0;
    this.seed = faults.seed ?? 0;
    this.kinds = faults.kinds ?? DEFAULT_RANDOM_KINDS;
  }

  /** The fault for the next request, or `undefined` to serve it normally. */
  next(): MockFaultKind | undefined {
    const n = ++this.seen;
    for (const [end, kind] of this.budgets) if (n <= end) return kind;
    if (this.failEvery > 0 && n % this.failEvery === 0) return 'fail';
    if (this.resetEvery > 0 && n % this.resetEvery === 0) return 'reset';
    if (this.randomRate > 0 && unitHash(this.seed, n, 0) < this.randomRate) {
      return this.kinds[Math.floor(unitHash(this.seed, n, 1) * this.kinds.length)];
    }
    return undefined;
  }
}
