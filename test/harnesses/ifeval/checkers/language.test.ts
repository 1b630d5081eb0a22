import { describe, expect, it } from 'vitest';
import { strictVerdict } from './strict-verdict.js';

describe('language:response_language', () => {
  const id = 'language:response_language';
  it('compares the language langdetect finds with the code', () => {
    expect(strictVerdict(id, { language: 'de' }, 'Das ist ein kurzer Satz auf Deutsch, und er bleibt auch so.')).toBe(true);
    expect(strictVerdict(id, { language: 'de' }, 'This is a short sentence in English.')).toBe(false);
  });
  it('counts a text langdetect cannot classify as following', () => {
    expect(strictVerdict(id, { language: 'de' }, '12345 !!! ???')).toBe(true);
  });
});
