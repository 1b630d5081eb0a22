import { describe, expect, it } from 'vitest';
import { pairedBootstrapInterval } from '../../../src/core/stats/paired-bootstrap.js';
import { expectRelativelyClose } from './relative-error.js';

/**
 * Reference: the resampled means from lm-eval's scheme (see bootstrap.test.ts) in CPython, then
 * numpy.percentile(replicates, [2.5, 97.5]) (Debian python3-numpy, default linear method).
 */
describe('pairedBootstrapInterval', () => {
  it('matches numpy percentiles of the seeded resampled mean differences (0/1 metric)', () => {
    const differences = [1, 0, 0, -1, 1, 1, 0, 0, 0, 1, -1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, -1, 1, 0, 0, 1, 0, 0, 0];
    const interval = pairedBootstrapInterval(differences);
    expect(Math.abs(interval.low - -0.0008333333333332859)).toBeLessThan(1e-15);
    expect(interval.high).toBe(0.4);
    expect(interval).toMatchObject({ level: 0.95, iterations: 1000 });
  });

  it('matches numpy for a continuous metric, 2000 resamples, 95% and 90%', () => {
    const differences = [0.5, -1.25, 2.0, 0.0, 0.75, -0.5, 1.5, 1.0, -0.25, 0.0, 2.5, 0.25];
    const at95 = pairedBootstrapInterval(differences, 0.95, 2000);
    expectRelativelyClose(at95.low, -0.041666666666666664, 1e-14);
    expectRelativelyClose(at95.high, 1.1666666666666667, 1e-14);
    const at90 = pairedBootstrapInterval(differences, 0.9, 2000);
    expectRelativelyClose(at90.low, 0.0625, 1e-14);
    expectRelativelyClose(at90.high, 1.0416666666666667, 1e-14);
  });

  it('rejects a level outside (0, 1)', () => {
    expect(() => pairedBootstrapInterval([1, 0], 1)).toThrow(RangeError);
  });
});
