import { pythonStrip } from '../../core/python/python-strip.js';
import type { MmluProDoc } from './mmlu-pro-data.js';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];

/**
 * lm-eval `mmlu_pro` `doc_to_text` (utils.py `format_cot_example(..., including_answer=False)`),
 * for eval docs and shots alike: "Question:\n<question>\nOptions:\n", one "<letter>. <option
 * stripped>\n" line per option (at most ten), then "Answer: Let's think step by step." The question
 * is not stripped.
 */
export function mmluProQuestion(doc: Pick<MmluProDoc, 'question' | 'options'>): string {
  const options = doc.options
    .slice(0, LETTERS.length)
    .map((option, i) => `${LETTERS[i]}. ${pythonStrip(option)}\n`)
    .join('');
  return `Question:\n${doc.question}\nOptions:\n${options}Answer: Let's think step by step.`;
}

/**
 * A shot's answer (utils.py `format_cot_target`): `cot_content` with every "A: Let's think step by
 * step. " (trailing space included) removed, so it continues the question's "Answer: Let's think
 * step by step." after the target delimiter.
 */
export function mmluProShotAnswer(doc: Pick<MmluProDoc, 'cotContent'>): string {
  return doc.cotContent.replaceAll("A: Let's think step by step. ", '');
}

/** The per-category task `description` of lm-eval's `mmlu_pro_<category>.yaml` (one trailing newline). */
export function mmluProDescription(category: string): string {
  return `The following are multiple choice questions (with answers) about ${category}. Think step by step and then finish your answer with "the answer is (X)" where X is the correct letter choice.\n`;
}
