import { describe, expect, it } from 'vitest';
import { strictVerdict } from './strict-verdict.js';

describe('change_case:capital_word_frequency', () => {
  const id = 'change_case:capital_word_frequency';
  it('counts word_tokenize tokens that are upper case (I, LOVE, NYC, U.S.)', () => {
    expect(strictVerdict(id, { capital_frequency: 4, capital_relation: 'at least' }, 'I LOVE NYC and U.S. cars')).toBe(true);
    expect(strictVerdict(id, { capital_frequency: 5, capital_relation: 'at least' }, 'I LOVE NYC and U.S. cars')).toBe(false);
  });
  it('counts a hyphenated word once and numbers not at all', () => {
    expect(strictVerdict(id, { capital_frequency: 2, capital_relation: 'less than' }, 'HELLO-WORLD is one token, 123 is none')).toBe(true);
  });
});

describe('change_case:english_capital', () => {
  const id = 'change_case:english_capital';
  it('needs str.isupper() and English', () => {
    expect(strictVerdict(id, {}, 'HELLO WORLD, THIS IS A TEST OF THE ENGLISH LANGUAGE.')).toBe(true);
    expect(strictVerdict(id, {}, 'HELLO world')).toBe(false);
    expect(strictVerdict(id, {}, 'DAS IST EIN KURZER SATZ AUF DEUTSCH UND ER BLEIBT AUCH SO.')).toBe(false);
  });
  it('fails without any cased character (isupper is false, langdetect is not asked)', () => {
    expect(strictVerdict(id, {}, '123 !!!')).toBe(false);
  });
});

describe('change_case:english_lowercase', () => {
  const id = 'change_case:english_lowercase';
  it('needs str.islower() and English', () => {
    expect(strictVerdict(id, {}, 'hello world, this is a test of the english language.')).toBe(true);
    expect(strictVerdict(id, {}, 'hello World')).toBe(false);
  });
});
