import { describe, expect, it } from 'vitest';
import { pairedTTest } from '../../../src/core/stats/paired-t.js';
import { expectRelativelyClose } from './relative-error.js';

/** Pairs and `scipy.stats.ttest_rel(b, a)` (Debian python3-scipy 1.10.1): statistic, p-value, df. */
const CASES = [
  { a: [0.5002, 0.5597, 0.4452, 0.3219, 0.4091], b: [0.451, 0.6157, 0.6292, 0.3227, 0.3971], t: 0.8828718213117511, p: 0.42717189254928617, df: 4 },
  {
    a: [0.598, 0.5714, 0.5211, 0.3139, 0.4941, 0.6391, 0.2312, 0.4085, 0.1198, 0.2421, 0.1317, 0.453],
    b: [0.5213, 0.6485, 0.5868, 0.3452, 0.2924, 0.6352, 0.2763, 0.4698, 0.0168, 0.2443, 0.0838, 0.4221],
    t: -0.6353066117082272,
    p: 0.5382197687673288,
    df: 11,
  },
  {
    a: [
      0.7122, 0.3385, 0.4935, 0.6769, 0.3833, 0.4777, 0.5221, 0.5128, 0.255, 0.5152, 0.7718, 0.1906, 0.6719, 0.5239, 0.3717, 0.9001, 0.6525, 0.2601, 0.5149, 0.6153, 0.4622,
      0.6366, 0.4867, 0.6334, 0.7877, 0.3649, 0.5406, 0.4073, 0.5255, 0.2626, 0.3841, 0.4608, 0.6798, 0.729, 0.2353, 0.3411, 0.6294, 0.1015, 0.4074, 0.4805,
    ],
    b: [
      0.8879, 0.4574, 0.5108, 0.69, 0.4083, 0.6801, 0.5293, 0.5324, 0.3403, 0.5531, 0.8021, 0.1292, 0.7207, 0.5295, 0.5383, 1.0154, 0.7001, 0.3769, 0.5309, 0.7705, 0.5117,
      0.7449, 0.4076, 0.7181, 0.6689, 0.2114, 0.5602, 0.3673, 0.5919, 0.5371, 0.3509, 0.4484, 0.7503, 0.8283, 0.2677, 0.3705, 0.7496, 0.2035, 0.354, 0.5226,
    ],
    t: 3.6168869268443076,
    p: 0.0008445182179303897,
    df: 39,
  },
  { a: [7, 8, 5, 9, 6, 6, 8, 7, 4, 9], b: [8, 8, 6, 9, 7, 5, 9, 8, 6, 9], t: 2.2499999999999996, p: 0.05100326070695081, df: 9 },
];

describe('pairedTTest', () => {
  it.each(CASES)('matches scipy.stats.ttest_rel on $df + 1 pairs', ({ a, b, t, p, df }) => {
    const result = pairedTTest(b.map((value, i) => value - (a[i] as number)));
    expectRelativelyClose(result.t, t, 1e-13);
    expectRelativelyClose(result.pValue, p, 1e-13);
    expect(result.df).toBe(df);
    expect(result.n).toBe(df + 1);
  });

  it('has no statistic for fewer than two pairs or for all-zero differences', () => {
    expect(pairedTTest([0.5]).pValue).toBeNaN();
    expect(pairedTTest([0, 0, 0]).t).toBeNaN();
    expect(pairedTTest([0, 0, 0]).meanDifference).toBe(0);
  });

  it('gives p = 0 when every difference is the same non-zero value', () => {
    const result = pairedTTest([1, 1, 1, 1]);
    expect(result.t).toBe(Infinity);
    expect(result.pValue).toBe(0);
  });
});
