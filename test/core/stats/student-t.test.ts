import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTTwoSidedP } from '../../../src/core/stats/student-t.js';
import { expectRelativelyClose } from './relative-error.js';

/** [df, t, scipy.stats.t.cdf(t, df) (Debian python3-scipy 1.10.1), the same from 50-digit mpmath]. */
const CASES: ReadonlyArray<readonly [number, number, number, number]> = [
  [1, -3, 0.10241638234956672, 0.10241638234956672],
  [1, 0.5, 0.6475836176504333, 0.6475836176504333],
  [2, 2, 0.908248290463863, 0.908248290463863],
  [5, -1, 0.18160873382456127, 0.1816087338245613],
  [5, 10, 0.9999145262121285, 0.9999145262121285],
  [10, 0.25, 0.596175897131693, 0.596175897131693],
  [30, -2.5, 0.009057824534033353, 0.009057824534033348],
  [100, 1.96, 0.9736105493168852, 0.9736105493168852],
  [1000, -3.3, 0.0005004983625010439, 0.000500498362501045],
  [100000, 2, 0.9772485182712468, 0.9772485182712468],
  [3, -40, 1.719034039457927e-5, 1.7190340394579263e-5],
  [7, 1e-6, 0.5000003849914508, 0.5000003849914508],
  [50, -8, 8.316483014160671e-11, 8.316483014160692e-11],
];

describe('studentTCdf', () => {
  it.each(CASES)('df %s at t = %s matches scipy.stats.t.cdf', (df, t, scipy, exact) => {
    const value = studentTCdf(t, df);
    expectRelativelyClose(value, exact, 5e-14);
    expectRelativelyClose(value, scipy, 5e-14);
  });

  it('is ½ at 0 and symmetric', () => {
    expect(studentTCdf(0, 4)).toBe(0.5);
    expectRelativelyClose(studentTCdf(1.3, 9) + studentTCdf(-1.3, 9), 1, 1e-15);
  });

  it('gives the two-sided p-value without cancellation in the far tail', () => {
    expectRelativelyClose(studentTTwoSidedP(-8, 50), 2 * 8.316483014160692e-11, 5e-14);
    expect(studentTTwoSidedP(Infinity, 3)).toBe(0);
    expect(studentTTwoSidedP(Number.NaN, 3)).toBeNaN();
  });
});
