/**
 * The q-quantile (0 ≤ q ≤ 1) of ascending `sorted` values by linear interpolation between the two
 * nearest ranks, numpy's default `np.percentile(values, 100·q)` (method "linear"), including its
 * way of interpolating from the nearer end.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of no values');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile needs 0 ≤ q ≤ 1, got ${q}`);
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, n - 1);
  const fraction = position - below;
  const a = sorted[below] as number;
  const b = sorted[above] as number;
  const gap = b - a;
  return fraction >= 0.5 ? b - gap * (1 - fraction) : a + gap * fraction;
}
