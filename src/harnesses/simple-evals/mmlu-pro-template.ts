import { formatPythonTemplate } from './python-format.js';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'] as const;

/**
 * NVIDIA simple-evals `evals/mmlu_pro_eval.py` `PROMPT_TEMPLATE`, not stripped: it starts and ends
 * with a newline, and the instruction line ends in a space before the blank line.
 */
export const MMLU_PRO_QUERY_TEMPLATE = `
Answer the following multiple choice question. The last line of your response should be in the following format: 'Answer: A/B/C/D/E/F/G/H/I/J' (e.g. 'Answer: A'). 

{Question}

A) {A}
B) {B}
C) {C}
D) {D}
E) {E}
F) {F}
G) {G}
H) {H}
I) {I}
J) {J}
`;

/**
 * What NVIDIA's pandas spreading of `Options` into columns A–J leaves in the columns a row has no
 * option for: `None`, which `str.format` writes as "None" (pandas 2; with pandas 3's string
 * inference it would be NaN, written "nan"). UNVERIFIED against the 26.03 container.
 */
export const MISSING_OPTION = 'None';

/**
 * The user message for one question: `PROMPT_TEMPLATE.format(**row)` with the question and the
 * options (as stored, not stripped) in A–J; options past the tenth are not shown.
 */
export function formatMmluProQuestion(question: string, options: readonly string[]): string {
  const fields: Record<string, string> = { Question: question };
  LETTERS.forEach((letter, i) => (fields[letter] = options[i] ?? MISSING_OPTION));
  return formatPythonTemplate(MMLU_PRO_QUERY_TEMPLATE, fields);
}
