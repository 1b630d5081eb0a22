import { describe, expect, it } from 'vitest';
import { pythonIsLower, pythonIsUpper } from '../../../../src/harnesses/ifeval/text/python-case.js';

// Expected values are CPython 3.11's str.isupper() / str.islower().
describe('pythonIsUpper / pythonIsLower', () => {
  it.each([
    ['HELLO WORLD 123!', true, false],
    ['hello world 123!', false, true],
    ['Hello', false, false],
    ['123 !?', false, false],
    ['', false, false],
    ['ÀÉÎ', true, false],
    ['straße', false, true],
    ['Ⅰ Ⓐ', true, false], // Other_Uppercase symbols count as uppercase
    ['ª ʰ', false, true], // Other_Lowercase letters count as lowercase
    ['ǅ', false, false], // a titlecase letter is neither
    ['AǅB', false, false],
    ['𝐀𝐁', true, false],
  ])('%j: isupper %s, islower %s', (text, upper, lower) => {
    expect(pythonIsUpper(text)).toBe(upper);
    expect(pythonIsLower(text)).toBe(lower);
  });
});
