import { compilePythonPattern } from '../../core/python/python-regex.js';

/**
 * simple-evals `ANSWER_PATTERN_MULTICHOICE` (common.py, ee3b0318), as the Python raw string: the
 * `\$?` on both sides of the letter came with commit 5ca150b (2025-01-31). NVIDIA's simple-evals
 * keeps the older form without them.
 */
export const ANSWER_PATTERN_MULTICHOICE = '(?i)Answer[ \\t]*:[ \\t]*\\$?([A-D])\\$?';

const ANSWER = compilePythonPattern(ANSWER_PATTERN_MULTICHOICE);

/**
 * GPQA's extraction: `re.search(ANSWER_PATTERN_MULTICHOICE, response)` on the raw response (no
 * normalization), the letter of the first match, or null. `(?i)` lets a lower-case letter match;
 * it is returned as written, so it never equals the upper-case gold letter.
 */
export function extractGpqaAnswer(response: string): string | null {
  return ANSWER.exec(response)?.[1] ?? null;
}
