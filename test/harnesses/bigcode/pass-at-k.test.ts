import { describe, expect, it } from 'vitest';
import { passAtK } from '../../../src/harnesses/bigcode/pass-at-k.js';
import { referenceFixture } from './reference-fixture.js';

describe('passAtK', () => {
  it('gives the hand-computed estimates', () => {
    // pass@1 is c/n.
    expect(passAtK(20, 5, 1)).toBeCloseTo(0.25, 15);
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 15);
    // 1 − C(15,10)/C(20,10) = 1 − 3003/184756.
    expect(passAtK(20, 5, 10)).toBeCloseTo(1 - 3003 / 184756, 14);
    // 1 − C(8,5)/C(10,5) = 1 − 56/252.
    expect(passAtK(10, 2, 5)).toBeCloseTo(1 - 56 / 252, 14);
    // Fewer than k failures: every k-subset holds a pass.
    expect(passAtK(20, 15, 10)).toBe(1);
    expect(passAtK(5, 1, 5)).toBe(1);
    // No pass at all.
    expect(passAtK(20, 0, 1)).toBe(0);
    expect(passAtK(20, 0, 10)).toBe(0);
  });

  it('equals bigcode estimate_pass_at_k (numpy) bit for bit', () => {
    expect(referenceFixture.pass_at_k.length).toBeGreaterThan(100);
    for (const [n, c, k, value] of referenceFixture.pass_at_k) expect(passAtK(n, c, k), `n=${n} c=${c} k=${k}`).toBe(value);
  });
});
