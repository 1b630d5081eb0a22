import type { ChatMessage } from '../../core/task.js';
import { formatPythonTemplate } from '../simple-evals/python-format.js';
import { SINGLE_MATH_V1, SINGLE_MATH_V1_MULTI_TURN, SINGLE_V1, SINGLE_V1_MULTI_TURN, type MtbenchJudgePrompt } from './judge-prompts.js';
import type { MtbenchDoc } from './mtbench-data.js';

/** Which of a question's two judgments: turn 1 alone, or turn 2 with the whole dialogue. */
export type MtbenchTurn = 1 | 2;

/** What the judge is sent for one judgment, and which FastChat prompt it is. */
export interface MtbenchJudgment {
  prompt: MtbenchJudgePrompt;
  messages: ChatMessage[];
}

/**
 * FastChat `run_judge_single` for one of a question's judgments: turn 1 with `single-v1` (or
 * `single-math-v1` when the question has a reference answer), turn 2 with the `-multi-turn` prompt
 * and the whole dialogue. The template is filled with Python `str.format` semantics (values inserted
 * verbatim, braces in them left alone); `ref_answer_1`/`ref_answer_2` are given whenever there is a
 * reference, as FastChat passes both to every reference-based template. Messages: the prompt's
 * `system_prompt` as the system message, then the filled template as the user message.
 */
export function mtbenchJudgment(doc: MtbenchDoc, answers: readonly [string, string], turn: MtbenchTurn): MtbenchJudgment {
  const withReference = doc.reference !== undefined;
  const prompt = turn === 1 ? (withReference ? SINGLE_MATH_V1 : SINGLE_V1) : withReference ? SINGLE_MATH_V1_MULTI_TURN : SINGLE_V1_MULTI_TURN;
  const fields: Record<string, string> =
    turn === 1
      ? { question: doc.turns[0], answer: answers[0] }
      : { question_1: doc.turns[0], question_2: doc.turns[1], answer_1: answers[0], answer_2: answers[1] };
  if (doc.reference) {
    fields.ref_answer_1 = doc.reference[0];
    fields.ref_answer_2 = doc.reference[1];
  }
  return {
    prompt,
    messages: [
      { role: 'system', content: prompt.systemPrompt },
      { role: 'user', content: formatPythonTemplate(prompt.promptTemplate, fields) },
    ],
  };
}
