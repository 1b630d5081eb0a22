import { describe, expect, it } from 'vitest';
import { pythonStrip } from '../../../src/harnesses/lm-eval/python-strip.js';

describe('pythonStrip', () => {
  it('removes what Python str.strip() removes, and nothing else', () => {
    expect(pythonStrip(' \t\n\u001c\u0085\u3000 x y \u2028\u001f')).toBe('x y');
    // U+FEFF is JS whitespace but not Python's.
    expect(pythonStrip('\ufeffx\ufeff')).toBe('\ufeffx\ufeff');
  });
});
