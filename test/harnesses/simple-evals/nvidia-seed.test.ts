import { describe, expect, it } from 'vitest';
import { nvidiaSampleSeed } from '../../../src/harnesses/simple-evals/nvidia-seed.js';
import { MMLU_PRO_REFERENCE } from '../lm-eval/mmlu-pro-fixture.js';

describe('nvidiaSampleSeed', () => {
  it('gives SeedGenerator(42).get_seed(i) as CPython computes it', () => {
    // python3: r = random.Random(); r.seed(42 * 2147483647 + i); r.randint(0, 2**32 - 1)
    for (const [index, seed] of MMLU_PRO_REFERENCE.simpleEvals.seeds) expect(nvidiaSampleSeed(index)).toBe(seed);
    expect(nvidiaSampleSeed(0)).toBe(2781248596);
  });

  it('takes another base seed', () => {
    // python3: r.seed(7 * 2147483647); r.randint(0, 2**32 - 1)
    expect(nvidiaSampleSeed(0, 7)).toBe(204730757);
  });
});
