import { describe, expect, it } from 'vitest';
import { quantileOfSorted } from '../../../src/core/stats/percentile.js';

describe('quantileOfSorted (numpy linear percentile)', () => {
  it('interpolates between neighbouring ranks like np.percentile', () => {
    // np.percentile([1, 2, 4, 8, 16], [0, 2.5, 50, 90, 97.5, 100]) = 1, 1.1, 4, 12.8, 15.2, 16 (Debian python3-numpy)
    const sorted = [1, 2, 4, 8, 16];
    expect([0, 0.025, 0.5, 0.9, 0.975, 1].map((q) => quantileOfSorted(sorted, q))).toEqual([1, 1.1, 4, 12.8, 15.2, 16]);
    expect(quantileOfSorted([3], 0.3)).toBe(3);
  });

  it('rejects an empty list and q outside [0, 1]', () => {
    expect(() => quantileOfSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileOfSorted([1], 1.5)).toThrow(RangeError);
  });
});
