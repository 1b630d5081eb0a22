import { describe, expect, it } from 'vitest';
import { RandomFewshotSampler, firstN } from '../../../src/harnesses/lm-eval/fewshot-sampler.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('RandomFewshotSampler', () => {
  it('draws from one random.Random(1234) stream across calls', () => {
    // python3: r = random.Random(1234); r.sample(range(7473), 5); r.sample(range(7473), 5)
    const sampler = new RandomFewshotSampler(range(7473));
    expect(sampler.sample(5)).toEqual([6374, 3610, 957, 61, 742]);
    expect(sampler.sample(5)).toEqual([7462, 6610, 4769, 286, 5501]);
    expect(sampler.sample(0)).toEqual([]);
  });

  it('draws n + 1 and drops the eval doc when lm-eval passes it', () => {
    // python3: random.Random(1234).sample(range(7473), 6) == [6374, 3610, 957, 61, 742, 7462]
    expect(new RandomFewshotSampler(range(7473)).sample(5, (x) => x === 957)).toEqual([6374, 3610, 61, 742, 7462]);
    expect(new RandomFewshotSampler(range(7473)).sample(5, (x) => x === 1)).toEqual([6374, 3610, 957, 61, 742]);
  });
});

describe('firstN', () => {
  it('takes the first n in stored order and refuses more than the pool holds', () => {
    expect(firstN(['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
    expect(() => firstN(['a'], 2)).toThrow(RangeError);
  });
});
