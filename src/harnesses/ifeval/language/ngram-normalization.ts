import { ngramTables } from './langdetect-profiles.js';

const SPACE = 0x20;

// Code points that are Uppercase in the JS engine's Unicode tables (16.0 and later) but not in
// Unicode 14.0, the tables of CPython 3.11 that ran the reference; without them this test equals
// CPython 3.11's `str.isupper()` on one code point.
const UPPERCASE = /^(?![\u1C89\uA7CB\uA7CC\uA7CE\uA7D2\uA7D4\uA7DA\uA7DC\u{10D50}-\u{10D65}\u{16EA0}-\u{16EB8}])\p{Uppercase}$/u;

/**
 * langdetect's `NGram.normalize(ch)` on one code point, by Unicode block: Basic Latin other than
 * A-Z and a-z, the Latin-1 characters of `NGram.LATIN1_EXCLUDE` and all of General Punctuation
 * become a space; Romanian ș ț become ş ţ; Farsi yeh becomes Arabic yeh; Latin Extended Additional
 * from U+1EA0 on becomes U+1EC3; every Hiragana, Katakana, Bopomofo (and Extended) and Hangul
 * syllable becomes its block's stand-in (あ, ア, ㄅ, 가); a CJK ideograph of a `KANJI_*` class
 * becomes its class's first character. Everything else is kept.
 */
export function normalizeCodePoint(cp: number): number {
  if (cp <= 0x7f) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? cp : SPACE;
  if (cp <= 0xff) return ngramTables().latin1Excluded.includes(String.fromCharCode(cp)) ? SPACE : cp;
  if (cp >= 0x180 && cp <= 0x24f) return cp === 0x219 ? 0x15f : cp === 0x21b ? 0x163 : cp;
  if (cp >= 0x2000 && cp <= 0x206f) return SPACE;
  if (cp >= 0x600 && cp <= 0x6ff) return cp === 0x6cc ? 0x64a : cp;
  if (cp >= 0x1e00 && cp <= 0x1eff) return cp >= 0x1ea0 ? 0x1ec3 : cp;
  if (cp >= 0x3040 && cp <= 0x309f) return 0x3042;
  if (cp >= 0x30a0 && cp <= 0x30ff) return 0x30a2;
  if ((cp >= 0x3100 && cp <= 0x312f) || (cp >= 0x31a0 && cp <= 0x31bf)) return 0x3105;
  if (cp >= 0x4e00 && cp <= 0x9fff) return ngramTables().cjkRepresentative.get(cp) ?? cp;
  if (cp >= 0xac00 && cp <= 0xd7af) return 0xac00;
  return cp;
}

let vietnamesePattern: RegExp | undefined;

/**
 * langdetect's `NGram.normalize_vi`: a letter of `TO_NORMALIZE_VI_CHARS` followed by one of the
 * combining marks U+0300, U+0301, U+0303, U+0309, U+0323 becomes the precomposed letter, left to
 * right without overlap, like `re.sub`.
 */
export function normalizeVietnamese(text: string): string {
  const { vietnameseLetters, vietnameseMarks, vietnameseComposed } = ngramTables();
  vietnamesePattern ??= new RegExp(`([${vietnameseLetters}])([${vietnameseMarks}])`, 'g');
  return text.replace(vietnamesePattern, (_match, letter: string, mark: string) => {
    const composed = vietnameseComposed[vietnameseMarks.indexOf(mark)] as string;
    return composed.charAt(vietnameseLetters.indexOf(letter));
  });
}

// BMP answers of isUppercaseCodePoint: 0 not yet asked, 1 no, 2 yes.
const bmpUppercase = new Uint8Array(0x10000);

/** CPython 3.11's `str.isupper()` on a single code point: true for Unicode 14.0 Uppercase ones. */
export function isUppercaseCodePoint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  if (cp > 0xffff) return UPPERCASE.test(String.fromCodePoint(cp));
  if (bmpUppercase[cp] === 0) bmpUppercase[cp] = UPPERCASE.test(String.fromCharCode(cp)) ? 2 : 1;
  return bmpUppercase[cp] === 2;
}
