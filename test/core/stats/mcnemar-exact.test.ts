import { describe, expect, it } from 'vitest';
import { mcnemarExactP } from '../../../src/core/stats/mcnemar-exact.js';
import { expectRelativelyClose } from './relative-error.js';

/**
 * [onlyA, onlyB, scipy.stats.binomtest(onlyA, onlyA + onlyB, 0.5).pvalue (Debian python3-scipy
 * 1.10.1), the exact value 2·Σ C(n, i)/2ⁿ in 50-digit mpmath].
 */
const CASES: ReadonlyArray<readonly [number, number, number, number]> = [
  [3, 7, 0.34375, 0.34375],
  [0, 5, 0.0625, 0.0625],
  [5, 5, 1, 1],
  [1, 19, 4.00543212890625e-5, 4.00543212890625e-5],
  [40, 60, 0.05688793364098088, 0.05688793364098079],
  [480, 520, 0.2174482932041409, 0.21744829320414094],
  [4900, 5100, 0.046585527704947234, 0.04658552770494739],
  [12, 3, 0.03515625, 0.03515625],
  [0, 1, 1, 1],
  [200, 260, 0.0058839224731039984, 0.005883922473103979],
  [30000, 30500, 0.04248557441037182, 0.042485574410370375],
];

describe('mcnemarExactP', () => {
  it.each(CASES)('%s vs %s discordant pairs matches scipy.stats.binomtest', (onlyA, onlyB, scipy, exact) => {
    const p = mcnemarExactP(onlyA, onlyB);
    expectRelativelyClose(p, exact, 2e-13);
    expectRelativelyClose(p, scipy, 2e-13);
  });

  it('is 1 without discordant pairs and symmetric in its arguments', () => {
    expect(mcnemarExactP(0, 0)).toBe(1);
    expect(mcnemarExactP(7, 3)).toBe(mcnemarExactP(3, 7));
  });

  it('rejects non-counts', () => {
    expect(() => mcnemarExactP(-1, 2)).toThrow(RangeError);
    expect(() => mcnemarExactP(1.5, 2)).toThrow(RangeError);
  });
});
