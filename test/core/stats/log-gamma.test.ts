import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../src/core/stats/log-gamma.js';
import { expectRelativelyClose } from './relative-error.js';

describe('logGamma', () => {
  it('matches ln((n−1)!) and ln Γ(½) = ½·ln π', () => {
    let factorial = 1;
    for (let n = 1; n <= 25; n++) {
      if (n > 1) factorial *= n - 1;
      expect(Math.abs(logGamma(n) - Math.log(factorial))).toBeLessThan(1e-13);
    }
    expectRelativelyClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
  });

  it('matches math.lgamma for large arguments', () => {
    // Python math.lgamma(12345.678) and math.lgamma(1e6).
    expectRelativelyClose(logGamma(12345.678), 103959.91990554606, 1e-14);
    expectRelativelyClose(logGamma(1e6), 12815504.569147611, 1e-14);
  });

  it('rejects z ≤ 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});
