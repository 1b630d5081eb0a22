import { PythonRandom } from '../../core/python/python-random.js';

/** NVIDIA simple-evals' `--seed` default, which NeMo does not override. */
export const NVIDIA_BASE_SEED = 42;

/**
 * The `seed` NVIDIA's simple-evals sends with the request for example `index` (its
 * `SeedGenerator.get_seed(index)`): `random.Random` re-seeded with `base * 2147483647 + index`,
 * then `randint(0, 2**32 - 1)`, i.e. `_randbelow(2**32)`. UNVERIFIED against the 26.03 container:
 * read from the package source in the search index (no public repo).
 */
export function nvidiaSampleSeed(index: number, base: number = NVIDIA_BASE_SEED): number {
  return new PythonRandom(base * 2147483647 + index).randbelow(2 ** 32);
}
