import { describe, expect, it } from 'vitest';
import { numpySum } from '../../../src/harnesses/lm-eval/numpy-sum.js';

// 2^53: adding 1 to it rounds back to it (ties to even), adding 2 does not, so the order of the
// additions shows in the result.
const BIG = 2 ** 53;
const ones = (n: number) => Array.from({ length: n }, () => 1);

describe('numpySum (np.sum of a float64 vector)', () => {
  it('adds fewer than 8 values left to right', () => {
    expect(numpySum([BIG, 1, 1, 1])).toBe(BIG);
    expect(numpySum([1, 1, 1, BIG])).toBe(BIG + 4);
    expect(numpySum([])).toBe(0);
    expect(Object.is(numpySum([-0, -0]), 0)).toBe(true);
  });

  it('sums 8 to 128 values in eight strided partial sums, then the rest', () => {
    // ((BIG+1) + (1+1)) + ((1+1) + (1+1)) = (BIG + 2) + 4.
    expect(numpySum([BIG, ...ones(7)])).toBe(BIG + 6);
    // The same, then + 1: BIG + 7 is a tie between BIG + 6 and BIG + 8, which rounds to even.
    expect(numpySum([BIG, ...ones(8)])).toBe(BIG + 8);
    expect(numpySum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  it('splits longer vectors in two, the first half a multiple of 8', () => {
    // 136 values: 64 (BIG + 7 lost ones in r0, 8 in each other accumulator: BIG + 56) + 72 ones.
    expect(numpySum([BIG, ...ones(135)])).toBe(BIG + 128);
  });
});
