import { describe, expect, it } from 'vitest';
import { strictVerdict } from './strict-verdict.js';

describe('keywords:existence', () => {
  const id = 'keywords:existence';
  it('finds every keyword case-insensitively anywhere, also inside longer words', () => {
    expect(strictVerdict(id, { keywords: ['cat', 'dog'] }, 'Concatenate DOGS')).toBe(true);
    expect(strictVerdict(id, { keywords: ['cat', 'dog'] }, 'cat only')).toBe(false);
  });
  it('treats keywords as Python regexes, with Python case folding', () => {
    expect(strictVerdict(id, { keywords: ['c.t'] }, 'a cut')).toBe(true);
    // Python's IGNORECASE folds İ (U+0130) with i.
    expect(strictVerdict(id, { keywords: ['İstanbul'] }, 'istanbul')).toBe(true);
  });
});

describe('keywords:frequency', () => {
  const id = 'keywords:frequency';
  it('counts case-insensitive matches, not whole words', () => {
    // "The", "the" in "theme", "the".
    expect(strictVerdict(id, { keyword: 'the', frequency: 3, relation: 'at least' }, 'The theme of the day')).toBe(true);
    expect(strictVerdict(id, { keyword: 'the', frequency: 3, relation: 'less than' }, 'The theme of the day')).toBe(false);
  });
  it('strips the keyword', () => {
    expect(strictVerdict(id, { keyword: ' war ', frequency: 2, relation: 'at least' }, 'War and warfare')).toBe(true);
  });
});

describe('keywords:forbidden_words', () => {
  const id = 'keywords:forbidden_words';
  it('fails on a whole-word match in any case, with Unicode word boundaries', () => {
    expect(strictVerdict(id, { forbidden_words: ['cat'] }, 'concatenate')).toBe(true);
    expect(strictVerdict(id, { forbidden_words: ['cat'] }, 'A Cat!')).toBe(false);
    // "é" is a word character, so "caf" has no boundary after it in "café".
    expect(strictVerdict(id, { forbidden_words: ['caf'] }, 'café')).toBe(true);
    expect(strictVerdict(id, { forbidden_words: ['dog', 'cat'] }, 'hot dog')).toBe(false);
  });
});

describe('keywords:letter_frequency', () => {
  const id = 'keywords:letter_frequency';
  it('counts the lower-cased letter in the lower-cased response', () => {
    expect(strictVerdict(id, { letter: 'e', let_frequency: 3, let_relation: 'at least' }, 'EeE')).toBe(true);
    expect(strictVerdict(id, { letter: 'E', let_frequency: 4, let_relation: 'at least' }, 'EeE')).toBe(false);
  });
  it('counts a non-letter as given (variant B; the 2025 code would draw a random letter)', () => {
    expect(strictVerdict(id, { letter: '#', let_frequency: 2, let_relation: 'less than' }, '## x')).toBe(false);
    expect(strictVerdict(id, { letter: '#', let_frequency: 3, let_relation: 'less than' }, '## x')).toBe(true);
  });
  it('counts nothing for a letter that strips to the empty string', () => {
    expect(strictVerdict(id, { letter: ' ', let_frequency: 1, let_relation: 'less than' }, 'a b c')).toBe(true);
  });
});
