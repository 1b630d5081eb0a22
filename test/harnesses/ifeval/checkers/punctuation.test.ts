import { describe, expect, it } from 'vitest';
import { strictVerdict } from './strict-verdict.js';

describe('punctuation:no_comma', () => {
  const id = 'punctuation:no_comma';
  it('fails on an ASCII comma only', () => {
    expect(strictVerdict(id, {}, 'a, b')).toBe(false);
    expect(strictVerdict(id, {}, 'a，b')).toBe(true);
  });
  it('fails a blank response, as every strict check does', () => {
    expect(strictVerdict(id, {}, '   ')).toBe(false);
  });
});
