/** numpy's `PW_BLOCKSIZE`: blocks up to this size are summed with eight accumulators. */
const BLOCK = 128;

function pairwiseSum(values: readonly number[], start: number, n: number): number {
  if (n < 8) {
    let sum = -0;
    for (let i = start; i < start + n; i++) sum += values[i]!;
    return sum;
  }
  if (n <= BLOCK) {
    const r = values.slice(start, start + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += values[start + i + j]!;
    let sum = ((r[0]! + r[1]!) + (r[2]! + r[3]!)) + ((r[4]! + r[5]!) + (r[6]! + r[7]!));
    for (; i < n; i++) sum += values[start + i]!;
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, n - half);
}

/**
 * `np.sum` of a 1-D float64 array, in numpy's order of additions (`pairwise_sum` in its loops),
 * so with numpy's rounding: under 8 values left to right; up to 128 in eight strided partial sums
 * combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the rest left to right; longer arrays
 * split in two halves (the first a multiple of 8) summed alike. The reduction starts from add's
 * identity 0.0, so all −0.0 sums to 0.0.
 */
export function numpySum(values: readonly number[]): number {
  return 0 + pairwiseSum(values, 0, values.length);
}
