import { pythonStrip } from '../../core/python/python-strip.js';
import { formatPythonTemplate } from './python-format.js';

/**
 * simple-evals `QUERY_TEMPLATE_MULTICHOICE` (common.py, ee3b0318), `.strip()`ped as upstream does,
 * so the prompt starts with "Answer the following" and ends with the D option. `$LETTER` is
 * literal text, not a field.
 */
export const QUERY_TEMPLATE_MULTICHOICE = pythonStrip(`
Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.

{Question}

A) {A}
B) {B}
C) {C}
D) {D}
`);

export interface MultichoiceFields {
  Question: string;
  A: string;
  B: string;
  C: string;
  D: string;
}

/** simple-evals `format_multichoice_question`: the template filled by `str.format(**row)`. */
export function formatMultichoiceQuestion(fields: MultichoiceFields): string {
  return formatPythonTemplate(QUERY_TEMPLATE_MULTICHOICE, { ...fields });
}
