import { compilePythonPattern } from '../../core/python/python-regex.js';
import { MULTILINGUAL_ANSWER_PATTERN_TEMPLATE, MULTILINGUAL_ANSWER_REGEXES } from './answer-regexes.js';
import { normalizeExtractedAnswer } from './normalize.js';

// `str.format` with one positional field: the template holds a single `{}` and no other braces.
const ANSWER_PATTERNS: readonly RegExp[] = MULTILINGUAL_ANSWER_REGEXES.map((label) =>
  compilePythonPattern(MULTILINGUAL_ANSWER_PATTERN_TEMPLATE.replace('{}', () => label)),
);

/**
 * MMLU's answer extraction (simple-evals `mmlu_eval.py`): tries each multilingual label pattern in
 * list order with `re.search`; the first pattern that matches anywhere wins, at its leftmost match,
 * even if another label occurs earlier in the text. Its captured letter goes through
 * `normalizeExtractedAnswer`. Returns null when no pattern matches. Expects a response that already
 * went through `normalizeResponse`.
 */
export function extractMultilingualAnswer(normalizedResponse: string): string | null {
  for (const pattern of ANSWER_PATTERNS) {
    const match = pattern.exec(normalizedResponse);
    if (match) return normalizeExtractedAnswer(match[1] as string);
  }
  return null;
}
