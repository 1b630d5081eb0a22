/**
 * Python's whitespace (`str.isspace`, also what `str.strip()` removes): JS `\s` plus `\x1c`–`\x1f`
 * and U+0085, minus U+FEFF.
 */
const PYTHON_WHITESPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING = new RegExp(`^[${PYTHON_WHITESPACE}]+`);
const TRAILING = new RegExp(`[${PYTHON_WHITESPACE}]+$`);

/** Python's `s.strip()` with no argument. */
export function pythonStrip(s: string): string {
  return s.replace(LEADING, '').replace(TRAILING, '');
}
