import { describe, expect, it } from 'vitest';
import { sampleStddev } from '../../../src/core/stats/sample-stddev.js';

describe('sampleStddev', () => {
  it('uses ddof 1 (statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]) = 2.138089935299395)', () => {
    expect(sampleStddev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2.138089935299395);
  });

  it('is NaN for fewer than two values', () => {
    expect(sampleStddev([1])).toBeNaN();
  });
});
