import { compilePythonPattern } from '../../core/python/python-regex.js';
import { normalizeExtractedAnswer } from './normalize.js';

/**
 * The Artificial Analysis answer pattern NVIDIA's `mmlu_pro_eval.py` searches for, as the Python
 * string `re` receives: optional `*`/`_` around "Answer", any whitespace before the colon, up to
 * two of whitespace/`*`/`_` and more whitespace after it, then one letter not followed by a letter
 * or digit. Case-insensitive, so it also captures lower-case letters (and, as Python folds case,
 * ſ, K, ı and İ).
 */
export const AA_ANSWER_PATTERN = '(?i)[\\*\\_]{0,2}Answer[\\*\\_]{0,2}\\s*:[\\s\\*\\_]{0,2}\\s*([A-Z])(?![a-zA-Z0-9])';

const AA_ANSWER = compilePythonPattern(AA_ANSWER_PATTERN);

/**
 * NVIDIA's MMLU-Pro extraction: the first match of AA_ANSWER_PATTERN (`re.search`) in a response
 * that already went through `normalizeResponse`, its letter through `normalizeExtractedAnswer`
 * (no upper-casing: a captured `b` never equals the gold `B`); null without a match.
 */
export function extractAaAnswer(normalizedResponse: string): string | null {
  const match = AA_ANSWER.exec(normalizedResponse);
  return match ? normalizeExtractedAnswer(match[1] as string) : null;
}
