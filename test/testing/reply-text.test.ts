import { describe, expect, it } from 'vitest';
import { countTokens, cutAtStop, shapeReply } from '../../src/testing/reply-text.js';

describe('countTokens', () => {
  it('counts runs of non-whitespace', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('  \n\t ')).toBe(0);
    expect(countTokens(' a  b\nc\u00a0d ')).toBe(4);
  });
});

describe('cutAtStop', () => {
  it('cuts before the earliest stop string, ignoring empty ones', () => {
    expect(cutAtStop('x END y STOP z', ['STOP', 'END'])).toBe('x ');
    expect(cutAtStop('abc', ['', 'zz'])).toBe('abc');
    expect(cutAtStop('abc', ['a'])).toBe('');
  });
});

describe('shapeReply', () => {
  it('keeps the text up to the end of the last allowed token', () => {
    expect(shapeReply('  one two\n three ', [], 2)).toEqual({ text: '  one two', finishReason: 'length' });
    expect(shapeReply('one two ', [], 2)).toEqual({ text: 'one two ', finishReason: 'stop' });
    expect(shapeReply('one', [], 0)).toEqual({ text: '', finishReason: 'length' });
    // max_tokens 0 generates nothing and always reports `length`, as vLLM does for prompt-only scoring.
    expect(shapeReply('', [], 0)).toEqual({ text: '', finishReason: 'length' });
  });

  it('applies stop before max tokens, so an early stop string wins', () => {
    expect(shapeReply('a b. c d', ['.'], 3)).toEqual({ text: 'a b', finishReason: 'stop' });
    expect(shapeReply('a b c d. e', ['.'], 2)).toEqual({ text: 'a b', finishReason: 'length' });
  });
});
