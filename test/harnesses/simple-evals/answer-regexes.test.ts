import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MULTILINGUAL_ANSWER_PATTERN_TEMPLATE, MULTILINGUAL_ANSWER_REGEXES } from '../../../src/harnesses/simple-evals/answer-regexes.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const codePoints = (text: string): string[] => [...text].map((c) => (c.codePointAt(0) as number).toString(16).padStart(4, '0'));

describe('multilingual answer patterns', () => {
  it('are byte for byte the upstream strings', () => {
    // sha256 of json.dumps(MULTILINGUAL_ANSWER_REGEXES, ensure_ascii=False, separators=(",", ":")) and of
    // MULTILINGUAL_ANSWER_PATTERN_TEMPLATE, from openai/simple-evals common.py @ ee3b0318 under CPython.
    expect(MULTILINGUAL_ANSWER_REGEXES).toHaveLength(42);
    expect(sha256(JSON.stringify(MULTILINGUAL_ANSWER_REGEXES))).toBe('21939ea689535603832d0e3ee3c820653fcae1891d2c1f9f7dfaed24562a7884');
    expect(sha256(MULTILINGUAL_ANSWER_PATTERN_TEMPLATE)).toBe('f582d208a6064fd647b8c2d44624d89e0053a93f6ad5dfa1eca830328e9e39b8');
  });

  it('keep the invisible and decomposed characters', () => {
    expect(MULTILINGUAL_ANSWER_REGEXES[1]).toBe(`Answer\\s*:${'\u200b'.repeat(6)}`);
    expect(codePoints(MULTILINGUAL_ANSWER_REGEXES[38] as string).slice(0, 8)).toEqual(['0041', '0300', '006d', '1ecd', '0300', '006e', '0061', '0300']);
    expect(codePoints(MULTILINGUAL_ANSWER_REGEXES[40] as string).slice(0, 8)).toEqual(['0041', '0300', '006e', '0075', '0301', '0067', '006f', '0323']);
    expect(MULTILINGUAL_ANSWER_REGEXES[2]).toBe(MULTILINGUAL_ANSWER_REGEXES[5]);
    expect(MULTILINGUAL_ANSWER_PATTERN_TEMPLATE).toContain('[ \t]*(');
  });
});
