import { describe, expect, it } from 'vitest';
import { exactMatch } from '../../../src/harnesses/lm-eval/exact-match.js';

// Expected values checked with lm-eval's exact_match_hf_evaluate logic under CPython + NumPy.
const GSM8K = { regexesToIgnore: [',', '\\$', '(?s).*#### ', '\\.$'], ignoreCase: true };

describe('exactMatch', () => {
  it('applies the ignore-regexes in order to both sides, then lower-cases', () => {
    expect(exactMatch(GSM8K)('$1,000.', 'The total is\n#### 1000')).toBe(1);
    expect(exactMatch(GSM8K)('18 ', '#### 18')).toBe(0);
    expect(exactMatch({ ignoreCase: true })('ǅ', 'ǆ')).toBe(1);
    expect(exactMatch()('A', 'a')).toBe(0);
  });

  it('deletes string.punctuation when asked', () => {
    expect(exactMatch({ ignoreCase: true, ignorePunctuation: true })('Hello, World!', 'hello world')).toBe(1);
    expect(exactMatch({ ignoreCase: true })('Hello, World!', 'hello world')).toBe(0);
  });

  it('drops trailing NULs between steps as lm-eval\'s NumPy arrays do', () => {
    // NumPy stores "18.\0" as "18.", so the final "." is then removed.
    expect(exactMatch(GSM8K)('18.\0', '#### 18')).toBe(1);
    expect(exactMatch({ regexesToIgnore: [','] })('18\0,', '18')).toBe(1);
    expect(exactMatch()('a\0', 'a')).toBe(1);
    expect(exactMatch({ ignorePunctuation: true })('5\0.', '5')).toBe(1);
  });
});
