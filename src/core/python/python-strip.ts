import { PYTHON_WHITESPACE_CLASS } from './python-whitespace.js';

const WHITESPACE = new RegExp(PYTHON_WHITESPACE_CLASS);

/**
 * Python's `str.strip()` with no argument: removes Python whitespace (`str.isspace()`) at both
 * ends. Scans from each end instead of matching `\s+$`, which backtracks quadratically over long
 * runs of inner whitespace.
 */
export function pythonStrip(text: string): string {
  let start = 0;
  let end = text.length;
  // Every Python whitespace character is a single UTF-16 code unit.
  while (start < end && WHITESPACE.test(text.charAt(start))) start++;
  while (end > start && WHITESPACE.test(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}
