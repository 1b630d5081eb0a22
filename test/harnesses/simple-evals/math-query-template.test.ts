import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatMathQuestion, MATH_QUERY_TEMPLATE } from '../../../src/harnesses/simple-evals/math-query-template.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('MATH_QUERY_TEMPLATE', () => {
  it('is upstream QUERY_TEMPLATE byte for byte', () => {
    // python3: QUERY_TEMPLATE evaluated from math_eval.py @ ee3b0318 (ast), len() and sha256 of its UTF-8.
    expect(MATH_QUERY_TEMPLATE.length).toBe(295);
    expect(sha256(MATH_QUERY_TEMPLATE)).toBe('231d269274b6a04711d192c935b7a4785da99e6823afbc817972a1d51f48425e');
  });

  it('inserts the question verbatim, as str.format does', () => {
    // python3: QUERY_TEMPLATE.format(Question=...) for this question.
    expect(formatMathQuestion('What is $\\frac{1}{2}+{x}$?\n\nUse {braces} and 100%.')).toBe(
      'Solve the following math problem step by step. The last line of your response should be of the form Answer: $ANSWER (without quotes) where $ANSWER is the answer to the problem.\n\nWhat is $\\frac{1}{2}+{x}$?\n\nUse {braces} and 100%.\n\nRemember to put your answer on its own line after "Answer:", and you do not need to use a \\boxed command.',
    );
  });
});
