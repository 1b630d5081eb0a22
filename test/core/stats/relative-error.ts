import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tolerance·|expected| (exact equality for an expected 0). */
export function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  const error = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}
