import { beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { TaskDefinition } from '../../../src/core/task.js';
import { gsm8k } from '../../../src/harnesses/lm-eval/gsm8k.js';
import { gsm8kCotInstruct } from '../../../src/harnesses/lm-eval/gsm8k-cot-instruct.js';
import { gsm8kCotLlama } from '../../../src/harnesses/lm-eval/gsm8k-cot-llama.js';
import type { Gsm8kDoc } from '../../../src/harnesses/lm-eval/gsm8k-data.js';

/*
 * Per-sample scores of the three GSM8K tasks on tricky responses, derived by hand from the YAML
 * rules (and confirmed with CPython's `re` + NumPy on the same strings):
 * - The response is first cut at the stop strings the request carried (gsm8k: Question:, </s>,
 *   <|im_end|>; llama chat: <|eot_id|>, <|start_header_id|>user<|end_header_id|>, Q:, </s> — NOT
 *   <|im_end|>; instruct (cot_zeroshot): Q:, </s>, <|im_end|>).
 * - strict-match: gsm8k `#### (\-?[0-9\.\,]+)`, first match; llama `The final answer is
 *   ((-?[$0-9.,]{2,})|(-?[0-9]+))`, last match; instruct `The answer is (\-?[0-9\.\,]+).` (final
 *   `.` is any character but newline), first match. No match gives "[invalid]".
 * - flexible-extract: last match of `(-?[$0-9.,]{2,})|(-?[0-9]+)`.
 * - exact_match removes `,`, `$`, everything through the last "#### ", a final `.` (also before a
 *   final newline), lower-cases, and compares with the gold reduced the same way (doc 0: 18,
 *   doc 1: 3, doc 2: 70000).
 * Columns: [strict, flexible] for gsm8k, gsm8k_cot_llama, gsm8k_cot_instruct.
 */
/** The first three test docs (real data from EVALFORGE_DATA_DIR); gold 18, 3 and 70000. */
const GOLD_DOCS: Gsm8kDoc[] = [];
beforeAll(async () => {
  for await (const { doc } of gsm8k.docs(createDatasetReader({ offline: true }))) {
    GOLD_DOCS.push(doc);
    if (GOLD_DOCS.length === 3) break;
  }
});

type Pair = [strict: number, flexible: number];
interface Case {
  doc: number;
  response: string;
  gsm8k: Pair;
  llama: Pair;
  instruct: Pair;
}

const CASES: Case[] = [
  // A full worked answer: strict takes "18" after ####; the last number-like run is "18".
  { doc: 0, response: ' Janet sells 16 - 3 - 4 = 9 eggs.\nShe makes 9 * 2 = $18.\n#### 18', gsm8k: [1, 1], llama: [0, 1], instruct: [0, 1] },
  { doc: 0, response: '#### 18', gsm8k: [1, 1], llama: [0, 1], instruct: [0, 1] },
  // "18." is extracted; the final "." is ignored.
  { doc: 0, response: '#### 18.', gsm8k: [1, 1], llama: [0, 1], instruct: [0, 1] },
  // instruct strict: group "18." would leave nothing for the final `.`, so it backtracks to "18".
  { doc: 0, response: 'The answer is 18.', gsm8k: [0, 1], llama: [0, 1], instruct: [1, 1] },
  // "$" cannot start the strict groups; flexible takes "$18" and the "$" is ignored.
  { doc: 0, response: 'The answer is $18', gsm8k: [0, 1], llama: [0, 1], instruct: [0, 1] },
  { doc: 0, response: '#### $18', gsm8k: [0, 1], llama: [0, 1], instruct: [0, 1] },
  // Thousands separators are ignored on both sides.
  { doc: 2, response: '#### 70,000', gsm8k: [1, 1], llama: [0, 1], instruct: [0, 1] },
  // Only gsm8k stops at "Question:"; the chat tasks keep the trailing "5", which flexible takes.
  { doc: 0, response: '#### 18\n\nQuestion: Next question? Answer: 5', gsm8k: [1, 1], llama: [0, 0], instruct: [0, 0] },
  // A number after the answer: strict takes the first (#### 18), flexible the last (20).
  { doc: 0, response: '#### 18 eggs, 20 dollars', gsm8k: [1, 0], llama: [0, 0], instruct: [0, 0] },
  { doc: 0, response: '', gsm8k: [0, 0], llama: [0, 0], instruct: [0, 0] },
  { doc: 0, response: '#### -18', gsm8k: [0, 0], llama: [0, 0], instruct: [0, 0] },
  // Only one final "." is ignored, so "18.00" stays different from "18".
  { doc: 0, response: '#### 18.00', gsm8k: [0, 0], llama: [0, 0], instruct: [0, 0] },
  // llama strict allows "$" in its first group.
  { doc: 0, response: 'The final answer is $18', gsm8k: [0, 1], llama: [1, 1], instruct: [0, 1] },
  { doc: 0, response: '**18**', gsm8k: [0, 1], llama: [0, 1], instruct: [0, 1] },
  { doc: 0, response: 'The answer is:\n18', gsm8k: [0, 1], llama: [0, 1], instruct: [0, 1] },
  { doc: 0, response: '#### 18\n', gsm8k: [1, 1], llama: [0, 1], instruct: [0, 1] },
  // instruct strict at the very end: the unescaped final `.` eats the "8", leaving "1".
  { doc: 0, response: 'She makes $18 every day. The answer is 18', gsm8k: [0, 1], llama: [0, 1], instruct: [0, 1] },
  // `.` does not match the newline, so the group gives back the "." and keeps "18".
  { doc: 0, response: 'The answer is 18.\n', gsm8k: [0, 1], llama: [0, 1], instruct: [1, 1] },
  // instruct strict takes the first match, "1" (the `.` cannot take "\n"); flexible the last, "19.".
  { doc: 0, response: 'The answer is 18\nThe answer is 19.', gsm8k: [0, 0], llama: [0, 0], instruct: [0, 0] },
  // A single digit only matches flexible's second alternative; instruct strict needs one more character.
  { doc: 1, response: 'The answer is 3', gsm8k: [0, 1], llama: [0, 1], instruct: [0, 1] },
  { doc: 0, response: 'The final answer is 18. Actually 20', gsm8k: [0, 0], llama: [1, 0], instruct: [0, 0] },
  // "16-3-4" splits into "16", "-3", "-4"; the last run is "18".
  { doc: 0, response: '1. First, 16-3-4=9\n2. Then 9*2=18', gsm8k: [0, 1], llama: [0, 1], instruct: [0, 1] },
  // <|im_end|> is the 5th llama stop string, which a chat request does not carry.
  { doc: 0, response: 'The final answer is 18<|im_end|>The final answer is 99', gsm8k: [0, 1], llama: [0, 0], instruct: [0, 1] },
  { doc: 0, response: 'The final answer is 18<|eot_id|>The final answer is 99', gsm8k: [0, 0], llama: [1, 1], instruct: [0, 0] },
  { doc: 0, response: 'The final answer is 18\nQ: next\nThe final answer is 99', gsm8k: [0, 0], llama: [1, 1], instruct: [0, 1] },
  // [0-9] is ASCII only: full-width digits never match.
  { doc: 0, response: '#### １８', gsm8k: [0, 0], llama: [0, 0], instruct: [0, 0] },
  { doc: 0, response: '#### 18\r\n', gsm8k: [1, 1], llama: [0, 1], instruct: [0, 1] },
  // The strict prefix is case-sensitive (ignore_case applies to the comparison only).
  { doc: 0, response: 'the answer is 18.', gsm8k: [0, 1], llama: [0, 1], instruct: [0, 1] },
  { doc: 0, response: '#### 18 #### 20', gsm8k: [1, 0], llama: [0, 0], instruct: [0, 0] },
  { doc: 0, response: '$18.00', gsm8k: [0, 0], llama: [0, 0], instruct: [0, 0] },
  { doc: 0, response: '18.\n', gsm8k: [0, 1], llama: [0, 1], instruct: [0, 1] },
  // instruct strict: "18." + "." → "18"; flexible "18.." loses one "." only.
  { doc: 0, response: 'The answer is 18..', gsm8k: [0, 0], llama: [0, 0], instruct: [1, 0] },
  { doc: 2, response: '#### 70,000.00', gsm8k: [0, 0], llama: [0, 0], instruct: [0, 0] },
  { doc: 2, response: 'The final answer is $70,000.', gsm8k: [0, 1], llama: [1, 1], instruct: [0, 1] },
  // A space splits the number: llama strict takes "70", flexible "000".
  { doc: 2, response: 'The final answer is 70 000', gsm8k: [0, 0], llama: [0, 0], instruct: [0, 0] },
  // llama strict takes the last "The final answer is".
  { doc: 0, response: 'The final answer is 18.\n\nThe final answer is 18', gsm8k: [0, 1], llama: [1, 1], instruct: [0, 1] },
  { doc: 0, response: 'The answer is -18.', gsm8k: [0, 0], llama: [0, 0], instruct: [0, 0] },
];

const TASKS: [keyof Pick<Case, 'gsm8k' | 'llama' | 'instruct'>, TaskDefinition<Gsm8kDoc>][] = [
  ['gsm8k', gsm8k],
  ['llama', gsm8kCotLlama],
  ['instruct', gsm8kCotInstruct],
];

describe('GSM8K scoring agrees with lm-eval per sample', () => {
  it.each(CASES)('doc $doc, response $response', (testCase) => {
    const doc = GOLD_DOCS[testCase.doc] as Gsm8kDoc;
    for (const [column, task] of TASKS) {
      const { scores } = task.score(testCase.response, doc);
      expect([scores['exact_match,strict-match'], scores['exact_match,flexible-extract']], `${task.name}`).toEqual(testCase[column]);
    }
  });

  it('reports what each filter extracted', () => {
    expect(gsm8k.score('#### 18 eggs, 20 dollars', GOLD_DOCS[0] as Gsm8kDoc).extracted).toEqual({ 'strict-match': '18', 'flexible-extract': '20' });
    expect(gsm8kCotInstruct.score('The answer is 42', GOLD_DOCS[0] as Gsm8kDoc).extracted).toEqual({ 'strict-match': '4', 'flexible-extract': '42' });
    expect(gsm8kCotLlama.score('no numbers', GOLD_DOCS[0] as Gsm8kDoc).extracted).toEqual({ 'strict-match': '[invalid]', 'flexible-extract': '[invalid]' });
  });
});
