import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EQUALITY_TEMPLATE, formatEqualityPrompt } from '../../../src/harnesses/simple-evals/math-equality-template.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('EQUALITY_TEMPLATE', () => {
  it('is upstream EQUALITY_TEMPLATE byte for byte', () => {
    // python3: EQUALITY_TEMPLATE evaluated from common.py @ ee3b0318 (ast), len() and sha256 of its UTF-8.
    expect(EQUALITY_TEMPLATE.length).toBe(983);
    expect(sha256(EQUALITY_TEMPLATE)).toBe('c9385e2f8120f01b098ea7c3b265535f797a65d8d7b37df4833fa38b51f50d2f');
  });

  it('fills it with %-formatting, None for a missing extraction', () => {
    // python3: EQUALITY_TEMPLATE % {"expression1": "\\frac{1}{2}", "expression2": None}
    const prompt = formatEqualityPrompt('\\frac{1}{2}', null);
    expect(prompt.startsWith(EQUALITY_TEMPLATE.slice(0, EQUALITY_TEMPLATE.indexOf('%(')))).toBe(true);
    expect(prompt.endsWith('Do not include a rationale.\n\n    Expression 1: \\frac{1}{2}\n    Expression 2: None')).toBe(true);
    expect(prompt.length).toBe(EQUALITY_TEMPLATE.length - '%(expression1)s%(expression2)s'.length + '\\frac{1}{2}None'.length);
  });

  it('never re-reads a value', () => {
    // python3: EQUALITY_TEMPLATE % {"expression1": "50%", "expression2": "%(expression1)s"}
    expect(formatEqualityPrompt('50%', '%(expression1)s').endsWith('    Expression 1: 50%\n    Expression 2: %(expression1)s')).toBe(true);
  });
});
