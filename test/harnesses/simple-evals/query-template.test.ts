import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatMultichoiceQuestion, QUERY_TEMPLATE_MULTICHOICE } from '../../../src/harnesses/simple-evals/query-template.js';

describe('QUERY_TEMPLATE_MULTICHOICE', () => {
  it('is the stripped upstream template', () => {
    // sha256 of QUERY_TEMPLATE_MULTICHOICE from openai/simple-evals common.py @ ee3b0318 under CPython.
    expect(createHash('sha256').update(QUERY_TEMPLATE_MULTICHOICE).digest('hex')).toBe('d4d85337bbd54659d12c8da7edc8b854d151b7327cf7574dc1062d753b03c8a6');
    expect(QUERY_TEMPLATE_MULTICHOICE.startsWith('Answer the following')).toBe(true);
    expect(QUERY_TEMPLATE_MULTICHOICE.endsWith('D) {D}')).toBe(true);
  });

  it('fills the fields like str.format', () => {
    expect(formatMultichoiceQuestion({ Question: 'Q?', A: 'a', B: 'b', C: 'c', D: 'd' })).toBe(
      "Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.\n\nQ?\n\nA) a\nB) b\nC) c\nD) d",
    );
  });
});
