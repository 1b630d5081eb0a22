import { describe, expect, it } from 'vitest';
import { sharedHistogram } from '../../src/report/histogram.js';

describe('sharedHistogram', () => {
  it('gives small integer data one bin per value, shared across runs', () => {
    const h = sharedHistogram([[2, 2, 3], [4, 4, 4, 2]])!;
    expect(h).toEqual({ edges: [2, 3, 4, 5], integers: true, overflow: false, counts: [[2, 1, 0], [1, 0, 3]] });
  });

  it('uses a 1-2-5 width and keeps about maxBins bins for a wide integer range', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const h = sharedHistogram([values], 30)!;
    expect(h.edges[1]! - h.edges[0]!).toBe(50);
    expect(h.counts[0]).toHaveLength(20);
    expect(h.counts[0]!.every((c) => c === 50)).toBe(true);
  });

  it('puts the tail beyond the 99th percentile in the last bin when the maximum is far out', () => {
    const values = [...Array.from({ length: 200 }, (_, i) => 100 + (i % 50)), 60_000];
    const h = sharedHistogram([values])!;
    expect(h.overflow).toBe(true);
    expect(h.edges.at(-1)).toBeLessThan(200);
    expect(h.counts[0]!.reduce((a, b) => a + b)).toBe(201);
    expect(h.counts[0]!.at(-1)).toBeGreaterThanOrEqual(1);
  });

  it('bins fractional data with the maximum in the last bin', () => {
    const h = sharedHistogram([[0.1, 0.25, 0.5, 1]], 10)!;
    expect(h.integers).toBe(false);
    expect(h.edges[0]).toBe(0.1);
    expect(h.edges[1]! - h.edges[0]!).toBeCloseTo(0.1);
    expect(h.counts[0]!.reduce((a, b) => a + b)).toBe(4);
    expect(h.counts[0]!.at(-1)).toBe(1);
  });

  it('handles one distinct value, and no values at all', () => {
    expect(sharedHistogram([[7, 7]])).toEqual({ edges: [7, 8], integers: true, overflow: false, counts: [[2]] });
    expect(sharedHistogram([[], []])).toBeUndefined();
    expect(sharedHistogram([[Number.NaN]])).toBeUndefined();
  });
});
