import { describe, expect, it } from 'vitest';
import { bootstrappedScores, sampleValues } from '../../../src/core/results/bootstrap-score.js';
import { MetricAccumulator } from '../../../src/core/results/metric-accumulator.js';

describe('bootstrappedScores', () => {
  const mean = (values: readonly number[]) => (indices: Uint32Array) => {
    let sum = 0;
    for (const i of indices) sum += values[i] as number;
    return sum / indices.length;
  };

  it('gives each figure the count and, with a statistic, its bootstrap stderr', () => {
    // lm-eval's scheme over these 20 values gives 0.11199344861433917 (test/core/stats/bootstrap.test.ts).
    const values = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0];
    expect(bootstrappedScores(20, [{ value: 0.6, statistic: mean(values) }, { value: 2 }])).toEqual([
      { value: 0.6, stats: { count: 20, stderr: 0.11199344861433917 } },
      { value: 2, stats: { count: 20 } },
    ]);
  });

  it('gives no stderr for a single sample', () => {
    expect(bootstrappedScores(1, [{ value: 1, statistic: mean([1]) }])).toEqual([{ value: 1, stats: { count: 1 } }]);
  });
});

describe('sampleValues', () => {
  it('reads the kept whole-task values of a key', () => {
    const accumulator = new MetricAccumulator(['a']);
    accumulator.add({ a: 2 }, ['s'], 1);
    accumulator.add({ a: 1 }, ['s'], 0);
    const totals = accumulator.snapshot();
    expect(sampleValues(totals, 'a')).toEqual([1, 2]);
    expect(sampleValues(totals, 'b')).toBeUndefined();
  });
});
