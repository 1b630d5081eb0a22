/**
 * FastChat's four single-answer grading prompts (`type: single`, `output_format: [[rating]]`), byte
 * for byte as lm-sys/FastChat@0e6d3e4b `fastchat/llm_judge/data/judge_prompts.jsonl` holds them
 * (the shared datasets folder keeps that file as `mt_bench/judge_prompts.jsonl`; the tests compare
 * these against it). Templates are written line by line, joined with `\n`.
 */
export interface MtbenchJudgePrompt {
  /** The prompt's `name` in judge_prompts.jsonl. */
  name: string;
  /** Sent as the judge's system message. */
  systemPrompt: string;
  /** Filled with Python `str.format` semantics and sent as the judge's user message. */
  promptTemplate: string;
}

/** `single-v1`: turn 1 of a question outside NEED_REF_CATS; fields `question`, `answer`. */
export const SINGLE_V1: MtbenchJudgePrompt = {
  name: 'single-v1',
  systemPrompt: 'You are a helpful assistant.',
  promptTemplate: [
    '[Instruction]',
    'Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of the response. Begin your evaluation by providing a short explanation. Be as objective as possible. After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: "[[rating]]", for example: "Rating: [[5]]".',
    '',
    '[Question]',
    '{question}',
    '',
    "[The Start of Assistant's Answer]",
    '{answer}',
    "[The End of Assistant's Answer]",
  ].join('\n'),
};

/** `single-math-v1`: turn 1 of a math, reasoning or coding question; fields `question`, `ref_answer_1`, `answer`. */
export const SINGLE_MATH_V1: MtbenchJudgePrompt = {
  name: 'single-math-v1',
  systemPrompt: 'You are a helpful assistant.',
  promptTemplate: [
    '[Instruction]',
    "Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider correctness and helpfulness. You will be given a reference answer and the assistant's answer. Begin your evaluation by comparing the assistant's answer with the reference answer. Identify and correct any mistakes. Be as objective as possible. After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: \"[[rating]]\", for example: \"Rating: [[5]]\".",
    '',
    '[Question]',
    '{question}',
    '',
    '[The Start of Reference Answer]',
    '{ref_answer_1}',
    '[The End of Reference Answer]',
    '',
    "[The Start of Assistant's Answer]",
    '{answer}',
    "[The End of Assistant's Answer]",
  ].join('\n'),
};

/** `single-v1-multi-turn`: turn 2 (the whole dialogue) of a question outside NEED_REF_CATS; fields `question_1`, `answer_1`, `question_2`, `answer_2`. */
export const SINGLE_V1_MULTI_TURN: MtbenchJudgePrompt = {
  name: 'single-v1-multi-turn',
  systemPrompt: [
    "Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of the response. You evaluation should focus on the assistant's answer to the second user question. Begin your evaluation by providing a short explanation. Be as objective as possible. After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: \"[[rating]]\", for example: \"Rating: [[5]]\".",
    '',
    '',
  ].join('\n'),
  promptTemplate: [
    "<|The Start of Assistant A's Conversation with User|>",
    '',
    '### User:',
    '{question_1}',
    '',
    '### Assistant A:',
    '{answer_1}',
    '',
    '### User:',
    '{question_2}',
    '',
    '### Assistant A:',
    '{answer_2}',
    '',
    "<|The End of Assistant A's Conversation with User|>",
  ].join('\n'),
};

/** `single-math-v1-multi-turn`: turn 2 of a math, reasoning or coding question; also `ref_answer_1`, `ref_answer_2`. */
export const SINGLE_MATH_V1_MULTI_TURN: MtbenchJudgePrompt = {
  name: 'single-math-v1-multi-turn',
  systemPrompt: [
    "Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question. Your evaluation should consider correctness and helpfulness. You will be given a reference answer and the assistant's answer. You evaluation should focus on the assistant's answer to the second question. Begin your evaluation by comparing the assistant's answer with the reference answer. Identify and correct any mistakes. Be as objective as possible. After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: \"[[rating]]\", for example: \"Rating: [[5]]\".",
    '',
    '',
  ].join('\n'),
  promptTemplate: [
    '<|The Start of Reference Answer|>',
    '',
    '### User:',
    '{question_1}',
    '',
    '### Reference answer:',
    '{ref_answer_1}',
    '',
    '### User:',
    '{question_2}',
    '',
    '### Reference answer:',
    '{ref_answer_2}',
    '',
    '<|The End of Reference Answer|>',
    '',
    '',
    "<|The Start of Assistant A's Conversation with User|>",
    '',
    '### User:',
    '{question_1}',
    '',
    '### Assistant A:',
    '{answer_1}',
    '',
    '### User:',
    '{question_2}',
    '',
    '### Assistant A:',
    '{answer_2}',
    '',
    "<|The End of Assistant A's Conversation with User|>",
  ].join('\n'),
};
