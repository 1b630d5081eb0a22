import { compilePythonPattern } from '../../core/python/python-regex.js';

/** simple-evals `common.py` `ANSWER_PATTERN` (ee3b0318), the Python string `re` receives. */
export const ANSWER_PATTERN = '(?i)Answer\\s*:\\s*([^\\n]+)';

const ANSWER = compilePythonPattern(ANSWER_PATTERN);

/**
 * simple-evals' MATH extraction, `re.search(ANSWER_PATTERN, response)`: the first "answer"
 * (any case) followed by optional whitespace (newlines included), a colon and optional whitespace
 * (newlines included again); group 1 is the rest of that line from the first character after the
 * whitespace, trailing spaces and a `\r` included. When only whitespace follows the colon up to the
 * end of the text, backtracking makes the capture that whitespace's last character. Null when
 * there is no match. The raw response is searched: no normalisation comes first.
 */
export function extractMathAnswer(response: string): string | null {
  const match = ANSWER.exec(response);
  return match ? (match[1] as string) : null;
}
