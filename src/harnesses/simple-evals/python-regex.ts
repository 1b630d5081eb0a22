/**
 * The characters Python 3's `str.isspace()` accepts, which is also what `\s` matches in a `str`
 * pattern and what `str.strip()` removes. JS `\s` differs: it lacks U+001C–U+001F and U+0085 and
 * adds U+FEFF.
 */
export const PYTHON_WHITESPACE_CLASS = '[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

const leadingOrTrailingWhitespace = new RegExp(`^${PYTHON_WHITESPACE_CLASS}+|${PYTHON_WHITESPACE_CLASS}+$`, 'gu');

/** Python's `str.strip()` with no argument. */
export function pythonStrip(text: string): string {
  return text.replace(leadingOrTrailingWhitespace, '');
}

/**
 * Under `(?i)` Python matches `i` and `I` also to `İ` (U+0130) and `ı` (U+0131); JS case folding
 * (`iu`) does not. Every other character the simple-evals patterns use folds the same in both
 * (checked against CPython 3.11 over all code points).
 */
const PYTHON_IGNORECASE_I = '[i\\u0130\\u0131]';

const SYNTAX_PASSED_THROUGH = new Set(['(', ')', '|', '*', '+', '?']);

/**
 * Compiles a Python `re` pattern written with the small syntax the simple-evals answer patterns use
 * into an equivalent JS RegExp (`u` flag; `i` for a leading `(?i)`): literal characters, `\s`,
 * bracket classes without escapes or negation, groups, `|`, `*`, `+`, `?`. Anything else throws,
 * so a pattern this port cannot reproduce exactly is never silently mistranslated.
 */
export function compilePythonPattern(pattern: string): RegExp {
  const ignoreCase = pattern.startsWith('(?i)');
  const body = [...(ignoreCase ? pattern.slice('(?i)'.length) : pattern)];
  let source = '';
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i] as string;
    if (char === '\\') {
      if (body[i + 1] !== 's') throw unsupported(pattern, `\\${body[i + 1] ?? ''}`);
      source += PYTHON_WHITESPACE_CLASS;
      i += 1;
    } else if (char === '[') {
      const end = body.indexOf(']', i + 1);
      const members = body.slice(i + 1, end).join('');
      if (end < 0 || members === '' || members.startsWith('^') || /[\\[]/.test(members)) throw unsupported(pattern, '[');
      // A class holding any of i, I, İ, ı would fold differently; no simple-evals class does.
      if (ignoreCase && ['i', '\u0130', '\u0131'].some((c) => new RegExp(`[${members}]`, 'iu').test(c))) throw unsupported(pattern, `[${members}] under (?i)`);
      source += `[${members}]`;
      i = end;
    } else if (char === '(') {
      if (body[i + 1] === '?') throw unsupported(pattern, '(?');
      source += char;
    } else if (SYNTAX_PASSED_THROUGH.has(char)) {
      source += char;
    } else if (/[.^${}\]]/.test(char)) {
      throw unsupported(pattern, char);
    } else {
      source += ignoreCase && (char === 'i' || char === 'I') ? PYTHON_IGNORECASE_I : char;
    }
  }
  return new RegExp(source, ignoreCase ? 'iu' : 'u');
}

function unsupported(pattern: string, construct: string): Error {
  return new Error(`compilePythonPattern: "${construct}" in ${JSON.stringify(pattern)} is outside the supported subset`);
}
