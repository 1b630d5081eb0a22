import { describe, expect, it } from 'vitest';
import { pythonStrip } from '../../../src/core/python/python-strip.js';

describe('pythonStrip', () => {
  it('removes what Python str.strip() removes, and nothing else', () => {
    expect(pythonStrip(' \t\n\u001c\u0085\u3000 x y \u2028\u001f')).toBe('x y');
    // U+FEFF is JS whitespace but not Python's.
    expect(pythonStrip('\ufeffx\ufeff')).toBe('\ufeffx\ufeff');
  });

  it('strips Python whitespace at both ends only', () => {
    expect(pythonStrip('\u0085\x1c A b\u3000\n')).toBe('A b');
    // U+FEFF is not whitespace to Python (JS trim() would remove it).
    expect(pythonStrip('\ufeffA')).toBe('\ufeffA');
  });

  it('handles empty, all-whitespace and long inner whitespace', () => {
    expect(pythonStrip('')).toBe('');
    expect(pythonStrip(' \n\u2029 ')).toBe('');
    const inner = `a${' '.repeat(100_000)}b`;
    expect(pythonStrip(` ${inner}\t`)).toBe(inner);
  });
});
