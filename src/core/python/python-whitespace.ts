/**
 * The members of a JS character class (without the brackets) holding exactly the characters
 * Python 3's `str.isspace()` accepts, which is also what `\s` matches in a `str` pattern and what
 * `str.strip()` removes. JS `\s` differs: it lacks U+001C–U+001F and U+0085 and adds U+FEFF.
 * Every member is in the BMP, so the class works with or without the `u` flag.
 */
export const PYTHON_WHITESPACE_MEMBERS = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** `PYTHON_WHITESPACE_MEMBERS` as a character class: one Python whitespace character. */
export const PYTHON_WHITESPACE_CLASS = `[${PYTHON_WHITESPACE_MEMBERS}]`;
