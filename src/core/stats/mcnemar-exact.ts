import { incompleteBetaComplemented } from './incomplete-beta.js';

/** Up to here the binomial tail is summed term by term; beyond, 2⁻ⁿ would underflow. */
const DIRECT_SUM_MAX_N = 1000;

/**
 * P(X ≤ k) for X ~ Binomial(n, ½), 0 ≤ k < n: for n ≤ 1000 the sum of C(n, i)·2⁻ⁿ for i ≤ k, each
 * term from the one before (so small cases are exact to the last bits); beyond, I_½(n − k, k + 1).
 */
function binomialHalfCdf(k: number, n: number): number {
  if (n > DIRECT_SUM_MAX_N) return incompleteBetaComplemented(n - k, k + 1, 0.5, 0.5);
  let term = 2 ** -n;
  let sum = term;
  for (let i = 0; i < k; i++) {
    term = (term * (n - i)) / (i + 1);
    sum += term;
  }
  return sum;
}

/**
 * McNemar's exact test for paired 0/1 outcomes: the two-sided binomial test of the discordant
 * pairs, `onlyA` (A right, B wrong) against `onlyB` (B right, A wrong), under H₀ each discordant
 * pair goes either way with probability ½. p = min(1, 2·P(X ≤ min(onlyA, onlyB))) with
 * X ~ Binomial(onlyA + onlyB, ½), which is what `scipy.stats.binomtest(onlyA, onlyA + onlyB, 0.5)`
 * gives for p = ½; 1 when there is no discordant pair.
 */
export function mcnemarExactP(onlyA: number, onlyB: number): number {
  if (!Number.isInteger(onlyA) || !Number.isInteger(onlyB) || onlyA < 0 || onlyB < 0) {
    throw new RangeError(`McNemar's test needs two counts, got ${onlyA} and ${onlyB}`);
  }
  const n = onlyA + onlyB;
  const k = Math.min(onlyA, onlyB);
  if (2 * k === n) return 1;
  return Math.min(1, 2 * binomialHalfCdf(k, n));
}
