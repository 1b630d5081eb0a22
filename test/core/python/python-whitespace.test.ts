import { describe, expect, it } from 'vitest';
import { PYTHON_WHITESPACE_CLASS } from '../../../src/core/python/python-whitespace.js';

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
