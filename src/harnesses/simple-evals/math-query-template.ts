import { formatPythonTemplate } from './python-format.js';

/**
 * simple-evals `math_eval.py` `QUERY_TEMPLATE` (ee3b0318), as `.strip()` leaves it: starts with
 * "Solve the following", ends with "\boxed command." (one backslash: the Python source writes
 * `\\boxed` in a plain string). `$ANSWER` is literal text, not a field.
 */
export const MATH_QUERY_TEMPLATE =
  'Solve the following math problem step by step. The last line of your response should be of the form Answer: $ANSWER (without quotes) where $ANSWER is the answer to the problem.\n' +
  '\n' +
  '{Question}\n' +
  '\n' +
  'Remember to put your answer on its own line after "Answer:", and you do not need to use a \\boxed command.';

/** `QUERY_TEMPLATE.format(**row)`: the question inserted verbatim (its braces are never re-read). */
export function formatMathQuestion(question: string): string {
  return formatPythonTemplate(MATH_QUERY_TEMPLATE, { Question: question });
}
