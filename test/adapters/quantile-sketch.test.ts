import { describe, expect, it } from 'vitest';
import { QuantileSketch } from '../../src/adapters/quantile-sketch.js';

/** The exact value the sketch approximates: rank floor(q·(n−1)) of the sorted values. */
function exact(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

describe('QuantileSketch', () => {
  it('has no quantiles before any value', () => {
    expect(new QuantileSketch().quantile(0.5)).toBeUndefined();
  });

  it('stays within 1% of the exact rank over a skewed stream, in bounded memory', () => {
    // A deterministic heavy-tailed stream: most values small, a few very large.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = Array.from({ length: 50_000 }, () => 5 + 2000 * random() ** 6);
    const sketch = new QuantileSketch();
    for (const value of values) sketch.add(value);
    expect(sketch.count).toBe(50_000);
    for (const q of [0, 0.5, 0.9, 0.99, 1]) {
      const truth = exact(values, q);
      expect(Math.abs((sketch.quantile(q) as number) - truth) / truth).toBeLessThanOrEqual(0.01 + 1e-9);
    }
    // One counter per occupied bucket: log_γ(2005 / 5) ≈ 300 buckets, not 50,000 values.
    expect((sketch as unknown as { buckets: Map<number, number> }).buckets.size).toBeLessThan(320);
  });

  it('reports zero latencies (cache-like replies) as 0', () => {
    const sketch = new QuantileSketch();
    for (const value of [0, 0, 0, 10]) sketch.add(value);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.quantile(1)).toBeCloseTo(10, 0);
  });
});
