import { describe, expect, it } from 'vitest';
import {
  isUppercaseCodePoint,
  normalizeCodePoint,
  normalizeVietnamese,
} from '../../../../src/harnesses/ifeval/language/ngram-normalization.js';

// Expected values printed once by Debian's python3-langdetect 1.0.9 under /usr/bin/python3 (3.11):
// `NGram.normalize(ch)`, `NGram.normalize_vi(text)` and `ch.isupper()`. (The same comparison over
// every code point, U+0000 to U+10FFFF without surrogates, was run once while porting: no difference.)
describe('normalizeCodePoint', () => {
  it("maps each block as langdetect's NGram.normalize does", () => {
    const expected: [number, number][] = [
      [0x61, 0x61], // a
      [0x31, 0x20], // digit -> space
      [0x5a, 0x5a], // Z
      [0xa0, 0x20], // no-break space, in LATIN1_EXCLUDE
      [0xe9, 0xe9], // é
      [0xab, 0x20], // «, in LATIN1_EXCLUDE
      [0x219, 0x15f], // ș -> ş
      [0x21b, 0x163], // ț -> ţ
      [0x2019, 0x20], // General Punctuation -> space
      [0x6cc, 0x64a], // Farsi yeh -> Arabic yeh
      [0x1ea1, 0x1ec3], // Latin Extended Additional from U+1EA0
      [0x1e00, 0x1e00], // ... but not below it
      [0x304b, 0x3042], // Hiragana
      [0x30ab, 0x30a2], // Katakana
      [0x3106, 0x3105], // Bopomofo
      [0x31a0, 0x3105], // Bopomofo Extended
      [0xd55c, 0xac00], // Hangul syllable
      [0x6934, 0x4f7c], // kanji of class KANJI_1_0 -> its first character
      [0x4e00, 0x4e00], // kanji in no class
      [0x1f600, 0x1f600], // outside every block langdetect treats
      [0x300, 0x300], // combining grave accent
    ];
    for (const [cp, want] of expected) expect(normalizeCodePoint(cp), cp.toString(16)).toBe(want);
  });
});

describe('normalizeVietnamese', () => {
  it('precomposes a listed letter followed by one of the five marks, once per pair', () => {
    const expected: [string, string][] = [
      ['A\u0300', '\u00c0'],
      ['\u01b0\u0301', '\u1ee9'],
      ['x\u0300', 'x\u0300'],
      ['e\u0309o\u0323', '\u1ebb\u1ecd'],
      ['a\u0300\u0301', '\u00e0\u0301'],
      ['Vi\u1ec7t', 'Vi\u1ec7t'],
    ];
    for (const [text, want] of expected) expect(normalizeVietnamese(text), JSON.stringify(text)).toBe(want);
  });
});

describe('isUppercaseCodePoint', () => {
  it("follows CPython 3.11's str.isupper (Unicode 14.0), not newer engine tables", () => {
    const expected: [number, boolean][] = [
      [0x41, true],
      [0x61, false],
      [0x2160, true], // Roman numeral one: Other_Uppercase
      [0x24b6, true], // circled A
      [0x1c5, false], // titlecase Dž
      [0x1c89, false], // Cyrillic Tje, Unicode 16.0
      [0x10d50, false], // Garay capital letter, Unicode 16.0
      [0x130, true],
      [0xdf, false],
    ];
    for (const [cp, want] of expected) expect(isUppercaseCodePoint(cp), cp.toString(16)).toBe(want);
  });
});
