/**
 * The MATH benchmark's rule-based answer equivalence (Hendrycks et al.), ported exactly from
 * lm-evaluation-harness `lm_eval/tasks/hendrycks_math/utils.py` @ 4e7e0d47 (`is_equiv`,
 * `strip_string` and its helpers), quirks included. Python indexes strings by code point, so every
 * "first character" below is a code point, never half of a surrogate pair.
 */

/**
 * Where the reference raises inside `strip_string` (an IndexError, AssertionError or ValueError);
 * `isEquiv` then falls back to comparing the raw strings.
 */
export class StripStringError extends Error {
  override readonly name = 'StripStringError';
}

/**
 * `is_equiv(str1, str2)`: true when `stripString` gives the same text for both; when either
 * `stripString` raises, whether the two raw strings are identical. Two nulls (Python `None`) are
 * equivalent; one null is equivalent to nothing. Symmetric.
 */
export function isEquiv(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  try {
    return stripString(a) === stripString(b);
  } catch (error) {
    if (error instanceof StripStringError) return a === b;
    throw error;
  }
}

/**
 * `strip_string(string)`, each step on the result of the one before (replacements are literal,
 * non-overlapping, left to right):
 * 1. delete `\n`, `\!`; `\\` → `\`; `tfrac`, `dfrac` → `frac`; delete `\left`, `\right`,
 *    `^{\circ}`, `^\circ`, `\$`;
 * 2. `remove_right_units`: with one `\text{ ` (backslash, "text", brace, space), keep what precedes
 *    it; with several, raise;
 * 3. delete `\%`, twice over; ` .` → ` 0.`, `{.` → `{0.`; empty stays empty; a leading `.` gets a `0`;
 * 4. with exactly one `=`, drop it and what precedes it if that is at most 2 characters (`x = 5` → ` 5`);
 * 5. `fix_sqrt`: `\sqrtX` → `\sqrt{X}` for a single character X not `{` (raises when `\sqrt` ends
 *    the string);
 * 6. delete every space;
 * 7. `fix_fracs`: `\fracAB` → `\frac{A}{B}`, `\fracA{` → `\frac{A}{` (raises when `\frac` ends the
 *    string; returns step 6's text unchanged when `\frac` is followed by a single character);
 * 8. exactly `0.5` → `\frac{1}{2}`;
 * 9. `fix_a_slash_b`: with exactly one `/`, both sides must be Python `int()` literals, else it
 *    raises; if both are already canonical (`12`, `-3`: no sign `+`, leading zero, underscore,
 *    whitespace or non-ASCII digit) `A/B` → `\frac{A}{B}`, else unchanged.
 * Throws StripStringError where the reference raises.
 */
export function stripString(input: string): string {
  let text = input.replaceAll('\n', '').replaceAll('\\!', '').replaceAll('\\\\', '\\');
  text = text.replaceAll('tfrac', 'frac').replaceAll('dfrac', 'frac');
  text = text.replaceAll('\\left', '').replaceAll('\\right', '');
  text = text.replaceAll('^{\\circ}', '').replaceAll('^\\circ', '');
  text = text.replaceAll('\\$', '');
  text = removeRightUnits(text);
  // The reference deletes `\%` twice ("\\%", then "\%": the same Python string); the second pass
  // matters when the first one joined a `\` and a `%` into a new `\%`.
  text = text.replaceAll('\\%', '').replaceAll('\\%', '');
  text = text.replaceAll(' .', ' 0.').replaceAll('{.', '{0.');
  if (text.length === 0) return text;
  if (text.startsWith('.')) text = `0${text}`;
  const sides = text.split('=');
  if (sides.length === 2 && codePointLength(sides[0] as string) <= 2) text = sides[1] as string;
  text = fixSqrt(text);
  text = text.replaceAll(' ', '');
  text = fixFracs(text);
  if (text === '0.5') text = '\\frac{1}{2}';
  return fixASlashB(text);
}

const UNITS = '\\text{ ';

/** `remove_right_units`: the reference's comment says `\text{ ` only ever introduces units. */
function removeRightUnits(text: string): string {
  if (!text.includes(UNITS)) return text;
  const parts = text.split(UNITS);
  if (parts.length !== 2) throw new StripStringError(`remove_right_units: ${parts.length - 1} occurrences of "\\text{ "`);
  return parts[0] as string;
}

function fixSqrt(text: string): string {
  if (!text.includes('\\sqrt')) return text;
  const [head, ...rest] = text.split('\\sqrt');
  let result = head as string;
  for (const part of rest) {
    const first = firstCodePoint(part, 'fix_sqrt');
    result += first === '{' ? `\\sqrt${part}` : `\\sqrt{${first}}${part.slice(first.length)}`;
  }
  return result;
}

function fixFracs(text: string): string {
  const [head, ...rest] = text.split('\\frac');
  let result = head as string;
  for (const part of rest) {
    result += '\\frac';
    const first = firstCodePoint(part, 'fix_fracs');
    if (first === '{') {
      result += part;
      continue;
    }
    const afterFirst = part.slice(first.length);
    if (afterFirst.length === 0) return text;
    const second = firstCodePoint(afterFirst, 'fix_fracs');
    const tail = afterFirst.slice(second.length);
    result += second === '{' ? `{${first}}${second}${tail}` : `{${first}}{${second}}${tail}`;
  }
  return result;
}

const CANONICAL_INT = /^(?:0|-?[1-9][0-9]*)$/;

function fixASlashB(text: string): string {
  const parts = text.split('/');
  if (parts.length !== 2) return text;
  const [numerator, denominator] = parts as [string, string];
  assertPythonIntLiteral(numerator);
  assertPythonIntLiteral(denominator);
  if (!CANONICAL_INT.test(numerator) || !CANONICAL_INT.test(denominator)) return text;
  return `\\frac{${numerator}}{${denominator}}`;
}

/**
 * Characters CPython's `int(str)` skips around a number: ASCII ` \t\n\v\f\r`, and the non-ASCII
 * characters `str.isspace()` accepts (U+001C–U+001F are not skipped, though `isspace()` is true).
 */
const INT_SPACE = '[ \\t\\n\\v\\f\\r\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
/**
 * `int(str)` in base 10: optional sign, decimal digits of any script (Unicode Nd; the JS engine's
 * Unicode tables may know digits added after the Python build's), single `_` between digits.
 */
const PYTHON_INT_LITERAL = new RegExp(`^${INT_SPACE}*[+-]?(\\p{Nd}(?:_?\\p{Nd})*)${INT_SPACE}*$`, 'u');
/** CPython's default `sys.get_int_max_str_digits()`. */
const INT_MAX_STR_DIGITS = 4300;

/** Throws where CPython's `int(text)` raises ValueError. */
function assertPythonIntLiteral(text: string): void {
  const match = PYTHON_INT_LITERAL.exec(text);
  if (!match) throw new StripStringError(`fix_a_slash_b: int() cannot parse ${JSON.stringify(text)}`);
  const digits = codePointLength((match[1] as string).replaceAll('_', ''));
  if (digits > INT_MAX_STR_DIGITS) throw new StripStringError(`fix_a_slash_b: ${digits} digits exceed int()'s limit`);
}

/** `s[0]` as Python reads it; raises (IndexError) for an empty string. */
function firstCodePoint(text: string, step: string): string {
  const code = text.codePointAt(0);
  if (code === undefined) throw new StripStringError(`${step}: nothing after the command`);
  return String.fromCodePoint(code);
}

function codePointLength(text: string): number {
  return Array.from(text).length;
}
