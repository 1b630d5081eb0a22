/** An inclusive range of code points. */
export type CodePointRange = readonly [number, number];

/**
 * Python's `re.IGNORECASE` puts I, i, İ (U+0130) and ı (U+0131) in one class (İ lower-cases to i,
 * ı upper-cases to I); JS's `i` flag (Unicode simple case folding) folds only I with i.
 */
const TURKIC_I: readonly number[] = [0x49, 0x69, 0x130, 0x131];
const TURKIC_I_ADDITIONS: readonly CodePointRange[] = [
  [0x69, 0x69],
  [0x130, 0x131],
];
const ASCII_UPPER: CodePointRange = [0x41, 0x5a];
const ASCII_LOWER: CodePointRange = [0x61, 0x7a];
const ASCII_CASE_OFFSET = 0x20;

/**
 * The ranges to add to a literal's or character class's ranges so that the translated class
 * matches, under `(?i)`, what Python's does:
 * - Unicode mode (the JS `i` flag is on): I, i, İ and ı when the ranges hold any of them. JS's
 *   folding agrees with Python's on every other code point (checked against CPython 3.11 over all
 *   code points), so nothing else is added.
 * - ASCII mode `(?a)` (the JS `i` flag is off, because Python then folds ASCII letters only): the
 *   other-case counterpart of every ASCII letter in the ranges.
 */
export function ignoreCaseAdditions(ranges: readonly CodePointRange[], ascii: boolean): CodePointRange[] {
  if (!ascii) {
    const holdsTurkicI = ranges.some(([lo, hi]) => TURKIC_I.some((code) => lo <= code && code <= hi));
    return holdsTurkicI ? [...TURKIC_I_ADDITIONS] : [];
  }
  const additions: CodePointRange[] = [];
  for (const range of ranges) {
    const upper = intersect(range, ASCII_UPPER);
    if (upper) additions.push([upper[0] + ASCII_CASE_OFFSET, upper[1] + ASCII_CASE_OFFSET]);
    const lower = intersect(range, ASCII_LOWER);
    if (lower) additions.push([lower[0] - ASCII_CASE_OFFSET, lower[1] - ASCII_CASE_OFFSET]);
  }
  return additions;
}

function intersect(a: CodePointRange, b: CodePointRange): CodePointRange | undefined {
  const lo = Math.max(a[0], b[0]);
  const hi = Math.min(a[1], b[1]);
  return lo <= hi ? [lo, hi] : undefined;
}
