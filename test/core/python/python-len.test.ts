import { describe, expect, it } from 'vitest';
import { pythonLen } from '../../../src/core/python/python-len.js';

describe('pythonLen', () => {
  it('counts code points, as Python len does', () => {
    expect(pythonLen('')).toBe(0);
    expect(pythonLen('abc')).toBe(3);
    expect(pythonLen('😀😀')).toBe(2);
    expect(pythonLen('e\u0301')).toBe(2);
  });
});
