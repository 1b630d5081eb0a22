import { PYTHON_WHITESPACE_CLASS } from '../../../core/python/python-whitespace.js';

const WHITESPACE_RUN = new RegExp(`${PYTHON_WHITESPACE_CLASS}+`);

/** Python's `text.lstrip(chars)`: drops leading characters that are in `chars`. */
export function lstripChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text.charAt(start))) start++;
  return text.slice(start);
}

/** Python's `text.rstrip(chars)`: drops trailing characters that are in `chars`. */
export function rstripChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Python's `text.strip(chars)`. `chars` holds only BMP characters here, so code units suffice. */
export function stripChars(text: string, chars: string): string {
  return rstripChars(lstripChars(text, chars), chars);
}

/**
 * The first item of Python's `text.split()` for a text that starts with a non-whitespace
 * character: everything up to the first Python whitespace character.
 */
export function firstWord(text: string): string {
  return text.split(WHITESPACE_RUN, 1)[0] as string;
}
