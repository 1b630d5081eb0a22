import { describe, expect, it } from 'vitest';
import { MetricAccumulator } from '../../../src/core/results/metric-accumulator.js';

describe('MetricAccumulator', () => {
  it('sums every metric for the whole task and each subset', () => {
    const accumulator = new MetricAccumulator();
    accumulator.add({ acc: 1 }, ['stem']);
    accumulator.add({ acc: 0 }, ['stem']);
    accumulator.add({ acc: 1 }, ['other']);
    const totals = accumulator.snapshot();
    expect(totals.get('')?.get('acc')).toEqual({ count: 3, sum: 2, sumSquared: 2 });
    expect(totals.get('stem')?.get('acc')).toEqual({ count: 2, sum: 1, sumSquared: 1 });
  });

  it('keeps the values of the listed keys in sample order, aligned across keys, for the whole task only', () => {
    const accumulator = new MetricAccumulator(['a', 'b']);
    accumulator.add({ a: 3, b: 30, c: 1 }, ['s'], 2);
    accumulator.add({ a: 1, c: 1 }, ['s'], 0);
    accumulator.add({ a: 2, b: 20 }, [], 1);
    accumulator.add({ c: 5 }, [], 3);
    const totals = accumulator.snapshot();
    expect(totals.get('')?.get('a')?.values).toEqual([1, 2, 3]);
    expect(totals.get('')?.get('b')?.values).toEqual([Number.NaN, 20, 30]);
    expect(totals.get('')?.get('c')?.values).toBeUndefined();
    expect(totals.get('s')?.get('a')?.values).toBeUndefined();
    expect(totals.get('')?.get('b')).toMatchObject({ count: 2, sum: 50 });
  });

  it('orders kept values by the order of add calls when no position is given', () => {
    const accumulator = new MetricAccumulator(['a']);
    for (const value of [5, 4, 6]) accumulator.add({ a: value });
    expect(accumulator.snapshot().get('')?.get('a')?.values).toEqual([5, 4, 6]);
  });
});
