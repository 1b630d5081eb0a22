import { describe, expect, it } from 'vitest';
import { takeFirst } from '../../../src/harnesses/lm-eval/take-first.js';

describe('takeFirst', () => {
  it('keeps the first response of a doc', () => {
    expect(takeFirst(['a', 'b'])).toBe('a');
    expect(() => takeFirst([])).toThrow(RangeError);
  });
});
