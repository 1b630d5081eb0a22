import { describe, expect, it } from 'vitest';
import { strictVerdict } from './strict-verdict.js';

describe('length_constraints:number_sentences', () => {
  const id = 'length_constraints:number_sentences';
  it('counts punkt sentences (an abbreviation does not end one)', () => {
    expect(strictVerdict(id, { num_sentences: 3, relation: 'less than' }, 'Dr. Smith arrived. He sat.')).toBe(true);
    expect(strictVerdict(id, { num_sentences: 3, relation: 'at least' }, 'One. Two! Three? Four')).toBe(true);
  });
});

describe('length_constraints:number_words', () => {
  const id = 'length_constraints:number_words';
  it('counts \\w+ runs, so punctuation splits words', () => {
    expect(strictVerdict(id, { num_words: 4, relation: 'at least' }, "don't e-mail")).toBe(true);
    expect(strictVerdict(id, { num_words: 4, relation: 'less than' }, "don't e-mail")).toBe(false);
  });
});

describe('length_constraints:number_paragraphs', () => {
  const id = 'length_constraints:number_paragraphs';
  it('splits at *** and ignores a blank first or last piece', () => {
    expect(strictVerdict(id, { num_paragraphs: 2 }, 'a *** b')).toBe(true);
    expect(strictVerdict(id, { num_paragraphs: 2 }, '*** a *** b ***')).toBe(true);
    expect(strictVerdict(id, { num_paragraphs: 2 }, 'a\n\n***\n\nb')).toBe(true);
    expect(strictVerdict(id, { num_paragraphs: 3 }, 'a\n\n***\n\nb')).toBe(false);
  });
  it('fails on a blank piece in the middle', () => {
    expect(strictVerdict(id, { num_paragraphs: 2 }, 'a ****** b')).toBe(false);
  });
});

describe('length_constraints:nth_paragraph_first_word', () => {
  const id = 'length_constraints:nth_paragraph_first_word';
  const kwargs = { num_paragraphs: 2, nth_paragraph: 2, first_word: 'hello' };
  it('reads the first word up to punctuation, without leading quotes, in any case', () => {
    expect(strictVerdict(id, kwargs, 'Intro\n\n"Hello," she said')).toBe(true);
    expect(strictVerdict(id, { num_paragraphs: 2, nth_paragraph: 1, first_word: 'Twas' }, "'Twas night\n\nEnd")).toBe(true);
    expect(strictVerdict(id, { num_paragraphs: 1, nth_paragraph: 1, first_word: 'it' }, "It's done")).toBe(true);
  });
  it('needs exactly num_paragraphs non-blank paragraphs', () => {
    expect(strictVerdict(id, kwargs, 'Intro\n\nHello\n\nOutro')).toBe(false);
  });
  it('indexes paragraphs counting blank ones, so a blank piece in between fails', () => {
    // Split at "\n\n": ["Intro", "", "Hello"]: two non-blank paragraphs, but the 2nd piece is blank.
    expect(strictVerdict(id, kwargs, 'Intro\n\n\n\nHello')).toBe(false);
  });
});
