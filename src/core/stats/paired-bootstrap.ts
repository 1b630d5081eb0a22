import { BOOTSTRAP_ITERATIONS, bootstrapReplicates } from './bootstrap.js';
import { quantileOfSorted } from './percentile.js';

export interface BootstrapInterval {
  low: number;
  high: number;
  /** Coverage, e.g. 0.95. */
  level: number;
  /** Resamples drawn. */
  iterations: number;
}

/**
 * The paired bootstrap percentile interval for the mean of per-pair differences (mean B − mean A
 * over the same resampled pairs): pairs are resampled together with `bootstrapReplicates`
 * (lm-eval's seeded scheme, so the interval is the same on every run), and the interval is the
 * (1 − level)/2 and (1 + level)/2 quantiles of the resampled means (numpy's linear percentiles).
 */
export function pairedBootstrapInterval(differences: ArrayLike<number>, level = 0.95, iterations: number = BOOTSTRAP_ITERATIONS): BootstrapInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`interval level must be between 0 and 1, got ${level}`);
  const n = differences.length;
  const meanDifference = (indices: Uint32Array) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += differences[indices[i] as number] as number;
    return sum / n;
  };
  const [replicates] = bootstrapReplicates(n, [meanDifference], iterations) as [Float64Array];
  replicates.sort();
  return {
    low: quantileOfSorted(replicates, (1 - level) / 2),
    high: quantileOfSorted(replicates, (1 + level) / 2),
    level,
    iterations: replicates.length,
  };
}
