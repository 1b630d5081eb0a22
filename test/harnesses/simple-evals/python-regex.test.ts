import { describe, expect, it } from 'vitest';
import { compilePythonPattern, PYTHON_WHITESPACE_CLASS, pythonStrip } from '../../../src/harnesses/simple-evals/python-regex.js';

// CPython 3.11: every code point c with c.isspace() (= what `\s` matches in a str pattern).
const PYTHON_SPACES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

describe('PYTHON_WHITESPACE_CLASS', () => {
  it("matches exactly Python's whitespace over all code points", () => {
    const whitespace = new RegExp(`^${PYTHON_WHITESPACE_CLASS}$`, 'u');
    const matched: number[] = [];
    for (let code = 0; code <= 0x10ffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (whitespace.test(String.fromCodePoint(code))) matched.push(code);
    }
    expect(matched).toEqual(PYTHON_SPACES);
  });
});

describe('pythonStrip', () => {
  it('strips Python whitespace at both ends only', () => {
    expect(pythonStrip('\u0085\x1c A b\u3000\n')).toBe('A b');
    // U+FEFF is not whitespace to Python (JS trim() would remove it).
    expect(pythonStrip('\ufeffA')).toBe('\ufeffA');
  });
});

describe('compilePythonPattern', () => {
  it('turns (?i) into the i flag and \\s into Python whitespace', () => {
    const pattern = compilePythonPattern('(?i)Answer\\s*:[ \t]*([A-D])');
    expect(pattern.flags).toBe('iu');
    expect(pattern.exec('ANSWER\u0085: b')?.[1]).toBe('b');
    expect(pattern.test('Answer\ufeff: b')).toBe(false);
  });

  it('folds i and I to İ and ı as Python does under (?i)', () => {
    const pattern = compilePythonPattern('(?i)Risposta:');
    expect(['RİSPOSTA:', 'rısposta:', 'RISPOSTA:'].map((text) => pattern.test(text))).toEqual([true, true, true]);
    expect(compilePythonPattern('Risposta:').test('RİSPOSTA:')).toBe(false);
    // CPython 3.11: re.findall('(?i)i', every code point) gives exactly I, i, İ, ı.
    const i = compilePythonPattern('(?i)i');
    const matched: number[] = [];
    for (let code = 0; code <= 0x10ffff; code += 1) {
      if ((code < 0xd800 || code > 0xdfff) && i.test(String.fromCodePoint(code))) matched.push(code);
    }
    expect(matched).toEqual([0x49, 0x69, 0x130, 0x131]);
  });

  it('refuses syntax it cannot reproduce exactly', () => {
    for (const pattern of ['a$', '^a', 'a.b', '\\d', '[^a]', '(?:a)', 'a{2}', '(?i)[h-j]']) {
      expect(() => compilePythonPattern(pattern), pattern).toThrow(/outside the supported subset/);
    }
  });
});
