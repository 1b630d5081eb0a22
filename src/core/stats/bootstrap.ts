import { PythonRandom } from '../python/python-random.js';
import { sampleStddev } from './sample-stddev.js';

/** Resamples evalforge draws by default, for stderrs and intervals alike. */
export const BOOTSTRAP_ITERATIONS = 1000;
/** lm-eval's chunk size: each chunk of resamples has its own generator, seeded with its number. */
const CHUNK = 1000;

/**
 * A statistic of a resample: `indices` holds n indices into the original samples (drawn with
 * replacement, so the statistic of the original data is the one over 0..n−1). The array is reused
 * between resamples: read it, don't keep it.
 */
export type ResampleStatistic = (indices: Uint32Array) => number;

/**
 * lm-evaluation-harness's bootstrap draws (`lm_eval/api/metrics.py` `_bootstrap_internal`): the
 * resamples come in chunks of min(1000, iterations); chunk i uses Python `random.Random(i)` and each
 * resample is `rnd.choices(xs, k=len(xs))`, i.e. index ⌊random()·n⌋ n times. As in lm-eval,
 * iterations beyond a whole number of chunks are not drawn (2500 gives 2000). The same data and
 * iterations give the same resamples on every machine and in Python. Returns, per statistic, its
 * value on each resample in draw order. Every statistic sees the same resamples, which is what
 * lm-eval's separate calls per metric draw too (each starts again from `Random(0)`), so several
 * statistics of one sample set cost one set of draws.
 */
export function bootstrapReplicates(n: number, statistics: readonly ResampleStatistic[], iterations: number = BOOTSTRAP_ITERATIONS): Float64Array[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`bootstrap needs at least one sample, got ${n}`);
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`bootstrap iterations must be a positive integer, got ${iterations}`);
  const chunk = Math.min(CHUNK, iterations);
  const chunks = Math.floor(iterations / chunk);
  const replicates = statistics.map(() => new Float64Array(chunks * chunk));
  const indices = new Uint32Array(n);
  for (let c = 0; c < chunks; c++) {
    const rng = new PythonRandom(c);
    for (let r = 0; r < chunk; r++) {
      for (let i = 0; i < n; i++) indices[i] = Math.floor(rng.random() * n);
      statistics.forEach((statistic, s) => {
        (replicates[s] as Float64Array)[c * chunk + r] = statistic(indices);
      });
    }
  }
  return replicates;
}

/**
 * lm-eval's `bootstrap_stderr` for each statistic: the sample standard deviation (ddof 1) of its
 * values over the resamples of `bootstrapReplicates`. Undefined with fewer than two samples (nothing
 * to resample). lm-eval runs 100,000 iterations by default (`bootstrap_iters`); evalforge's default
 * is 1,000 (its first chunk, the same draws), which puts the stderr within about 2% of its limit at
 * 1/100 of the cost.
 */
export function bootstrapStderrs(n: number, statistics: readonly ResampleStatistic[], iterations: number = BOOTSTRAP_ITERATIONS): Array<number | undefined> {
  if (n < 2) return statistics.map(() => undefined);
  return bootstrapReplicates(n, statistics, iterations).map((replicates) => sampleStddev(replicates));
}

/** `bootstrapStderrs` of one statistic. */
export function bootstrapStderr(n: number, statistic: ResampleStatistic, iterations: number = BOOTSTRAP_ITERATIONS): number | undefined {
  return bootstrapStderrs(n, [statistic], iterations)[0];
}
