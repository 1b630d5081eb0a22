import { PythonRandom } from '../../core/python/python-random.js';

/**
 * lm-eval's few-shot seed: the CLI default `--seed 0,1234,1234,1234` gives `set_fewshot_seed(1234)`,
 * and NeMo passes no `--seed`.
 */
export const LM_EVAL_FEWSHOT_SEED = 1234;

/**
 * lm-eval's `default` sampler for one task run: one `random.Random(seed)` stream shared by every
 * doc, drawn in doc order, so a doc's shots depend on how many docs came before it.
 * `sample(n)` is `rnd.sample(pool, n)`. When lm-eval passes the eval doc (only when the few-shot
 * split is the test split) it draws n + 1 and drops the items equal to the eval doc, keeping the
 * first n; pass `isEvalDoc` for that case.
 */
export class RandomFewshotSampler<T> {
  private readonly rng: PythonRandom;

  constructor(
    private readonly pool: readonly T[],
    seed: number = LM_EVAL_FEWSHOT_SEED,
  ) {
    this.rng = new PythonRandom(seed);
  }

  sample(n: number, isEvalDoc?: (candidate: T) => boolean): T[] {
    if (n === 0) return [];
    if (!isEvalDoc) return this.rng.sample(this.pool, n);
    return this.rng
      .sample(this.pool, n + 1)
      .filter((candidate) => !isEvalDoc(candidate))
      .slice(0, n);
  }
}

/**
 * lm-eval's `first_n` sampler: the first n items of the pool in stored order, the same for every
 * doc. Asking for more than the pool holds is an error in lm-eval too.
 */
export function firstN<T>(pool: readonly T[], n: number): T[] {
  if (n > pool.length) throw new RangeError(`first_n: ${n} few-shot examples requested but only ${pool.length} are available`);
  return pool.slice(0, n);
}
