import { describe, expect, it } from 'vitest';
import { ANSWER_PATTERN, extractMathAnswer } from '../../../src/harnesses/simple-evals/math-extract-answer.js';

describe('extractMathAnswer', () => {
  it('uses upstream ANSWER_PATTERN', () => {
    expect(ANSWER_PATTERN).toBe(String.raw`(?i)Answer\s*:\s*([^\n]+)`);
  });

  // Expected captures printed by python3: re.search(ANSWER_PATTERN, response), group(1) or None.
  it.each([
    ['single line', 'Step 1...\nAnswer: 42', '42'],
    ['the first of several Answer lines', 'Answer: 3\nWait, recheck.\nAnswer: 5', '3'],
    ['trailing spaces kept', 'So\nAnswer: 42   ', '42   '],
    ['only spaces after the colon, at the end: the last space', 'Answer:   ', ' '],
    ['the answer on a later line (\\s* crosses newlines)', 'Answer:\n\n\\frac{1}{2}\n', '\\frac{1}{2}'],
    ['any case, mid-line, rest of the line', 'The FINAL ANSWER : $\\boxed{7}$ done', '$\\boxed{7}$ done'],
    ['CRLF keeps the carriage return', 'Answer: 5\r\nThanks', '5\r'],
    ['Unicode whitespace skipped', 'Answer:\u00a0\u2003x = 4', 'x = 4'],
    ['inside a word', 'reanswer:2', '2'],
    ['tabs around the colon', 'Answer\t:\t12', '12'],
    ['no colon', 'The answer is 5', null],
    ['a plural', 'Answers: 9', null],
    ['nothing but newlines after the colon', 'Answer:\n\n\n', null],
    ['empty response', '', null],
  ])('%s', (_name, response, expected) => {
    expect(extractMathAnswer(response)).toBe(expected);
  });
});
