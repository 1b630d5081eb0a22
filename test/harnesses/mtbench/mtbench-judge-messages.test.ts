import { describe, expect, it } from 'vitest';
import { mtbenchJudgment } from '../../../src/harnesses/mtbench/mtbench-judge-messages.js';
import type { MtbenchDoc } from '../../../src/harnesses/mtbench/mtbench-data.js';

// The instruction paragraphs of FastChat's judge_prompts.jsonl, written out by hand.
const RATE = 'After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: "[[rating]]", for example: "Rating: [[5]]".';
const GENERAL =
  'Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of the response.';
const MATH_TURN_1 =
  "Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider correctness and helpfulness. You will be given a reference answer and the assistant's answer. Begin your evaluation by comparing the assistant's answer with the reference answer. Identify and correct any mistakes. Be as objective as possible.";
const MATH_TURN_2 =
  "Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question. Your evaluation should consider correctness and helpfulness. You will be given a reference answer and the assistant's answer. You evaluation should focus on the assistant's answer to the second question. Begin your evaluation by comparing the assistant's answer with the reference answer. Identify and correct any mistakes. Be as objective as possible.";

// Question 81 (writing) and 111 (math, with gpt-4's reference answer shortened) of question.jsonl.
const writing: MtbenchDoc = {
  questionId: 81,
  category: 'writing',
  turns: [
    'Compose an engaging travel blog post about a recent trip to Hawaii, highlighting cultural experiences and must-see attractions.',
    'Rewrite your previous response. Start every sentence with the letter A.',
  ],
};
const math: MtbenchDoc = {
  questionId: 111,
  category: 'math',
  turns: [
    'The vertices of a triangle are at points (0, 0), (-1, 1), and (3, 3). What is the area of the triangle?',
    "What's area of the circle circumscribing the triangle?",
  ],
  reference: ['Area = 0', 'There is no circumscribed circle.'],
};
// Braces in answers are inserted verbatim (str.format never reads values as templates).
const answers = ['Aloha {island}!', 'A trip {{to}} remember.'] as const;

describe('mtbenchJudgment', () => {
  it('turn 1 of a writing question: single-v1', () => {
    const { prompt, messages } = mtbenchJudgment(writing, answers, 1);
    expect(prompt.name).toBe('single-v1');
    expect(messages).toEqual([
      { role: 'system', content: 'You are a helpful assistant.' },
      {
        role: 'user',
        content:
          `[Instruction]\n${GENERAL} Begin your evaluation by providing a short explanation. Be as objective as possible. ${RATE}\n\n` +
          '[Question]\nCompose an engaging travel blog post about a recent trip to Hawaii, highlighting cultural experiences and must-see attractions.\n\n' +
          "[The Start of Assistant's Answer]\nAloha {island}!\n[The End of Assistant's Answer]",
      },
    ]);
  });

  it('turn 2 of a writing question: single-v1-multi-turn with the whole dialogue', () => {
    const { prompt, messages } = mtbenchJudgment(writing, answers, 2);
    expect(prompt.name).toBe('single-v1-multi-turn');
    expect(messages).toEqual([
      {
        role: 'system',
        content: `${GENERAL} You evaluation should focus on the assistant's answer to the second user question. Begin your evaluation by providing a short explanation. Be as objective as possible. ${RATE}\n\n`,
      },
      {
        role: 'user',
        content:
          "<|The Start of Assistant A's Conversation with User|>\n\n" +
          '### User:\nCompose an engaging travel blog post about a recent trip to Hawaii, highlighting cultural experiences and must-see attractions.\n\n' +
          '### Assistant A:\nAloha {island}!\n\n' +
          '### User:\nRewrite your previous response. Start every sentence with the letter A.\n\n' +
          '### Assistant A:\nA trip {{to}} remember.\n\n' +
          "<|The End of Assistant A's Conversation with User|>",
      },
    ]);
  });

  it('turn 1 of a math question: single-math-v1 with the first reference answer', () => {
    const { prompt, messages } = mtbenchJudgment(math, ['It is 3.', 'It is 5pi.'], 1);
    expect(prompt.name).toBe('single-math-v1');
    expect(messages).toEqual([
      { role: 'system', content: 'You are a helpful assistant.' },
      {
        role: 'user',
        content:
          `[Instruction]\n${MATH_TURN_1} ${RATE}\n\n` +
          '[Question]\nThe vertices of a triangle are at points (0, 0), (-1, 1), and (3, 3). What is the area of the triangle?\n\n' +
          '[The Start of Reference Answer]\nArea = 0\n[The End of Reference Answer]\n\n' +
          "[The Start of Assistant's Answer]\nIt is 3.\n[The End of Assistant's Answer]",
      },
    ]);
  });

  it('turn 2 of a math question: single-math-v1-multi-turn with both reference answers', () => {
    const { prompt, messages } = mtbenchJudgment(math, ['It is 3.', 'It is 5pi.'], 2);
    expect(prompt.name).toBe('single-math-v1-multi-turn');
    expect(messages).toEqual([
      { role: 'system', content: `${MATH_TURN_2} ${RATE}\n\n` },
      {
        role: 'user',
        content:
          '<|The Start of Reference Answer|>\n\n' +
          '### User:\nThe vertices of a triangle are at points (0, 0), (-1, 1), and (3, 3). What is the area of the triangle?\n\n' +
          '### Reference answer:\nArea = 0\n\n' +
          "### User:\nWhat's area of the circle circumscribing the triangle?\n\n" +
          '### Reference answer:\nThere is no circumscribed circle.\n\n' +
          '<|The End of Reference Answer|>\n\n\n' +
          "<|The Start of Assistant A's Conversation with User|>\n\n" +
          '### User:\nThe vertices of a triangle are at points (0, 0), (-1, 1), and (3, 3). What is the area of the triangle?\n\n' +
          '### Assistant A:\nIt is 3.\n\n' +
          "### User:\nWhat's area of the circle circumscribing the triangle?\n\n" +
          '### Assistant A:\nIt is 5pi.\n\n' +
          "<|The End of Assistant A's Conversation with User|>",
      },
    ]);
  });
});
