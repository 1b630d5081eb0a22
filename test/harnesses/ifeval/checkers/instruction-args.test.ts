import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../../src/core/errors.js';
import { compileIfevalInstructions } from '../../../../src/harnesses/ifeval/score-ifeval-response.js';
import { strictVerdict } from './strict-verdict.js';

function compileError(id: string, kwargs: unknown): DatasetError {
  try {
    compileIfevalInstructions({ instruction_id_list: [id], kwargs: [kwargs as Record<string, unknown>] });
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error(`expected a DatasetError for ${id} ${JSON.stringify(kwargs)}`);
}

describe('instruction kwargs', () => {
  it('drops falsy values as lm-eval does, so the hub layout with nulls reads like Google\'s', () => {
    const hubStyle = { num_highlights: null, relation: null, num_words: null, keywords: null, forbidden_words: [], letter: '', frequency: 0 };
    expect(strictVerdict('punctuation:no_comma', hubStyle, 'no commas here')).toBe(true);
    expect(strictVerdict('detectable_format:number_highlighted_sections', { ...hubStyle, num_highlights: 1 }, '*one*')).toBe(true);
  });

  it('rejects a kwarg the instruction does not take (Python: TypeError)', () => {
    expect(compileError('punctuation:no_comma', { num_words: 3 }).message).toMatch(/instruction 1 of 1 \("punctuation:no_comma"\): kwargs has "num_words", which this instruction does not take \(it takes no kwargs\)/);
    expect(compileError('keywords:frequency', { keyword: 'a', frequency: 1, relation: 'at least', letter: 'b' }).message).toMatch(/takes "keyword", "frequency", "relation"/);
  });

  it('rejects kwargs for which the reference would draw a random value', () => {
    expect(compileError('length_constraints:number_words', { relation: 'at least' }).message).toMatch(/kwargs\.num_words is missing; Google's reference would pick a random value/);
    expect(compileError('length_constraints:number_words', { num_words: -1, relation: 'at least' }).message).toMatch(/kwargs\.num_words is negative/);
    expect(compileError('length_constraints:number_words', { num_words: 0, relation: 'at least' }).message).toMatch(/kwargs\.num_words is missing/);
    expect(compileError('length_constraints:number_sentences', { num_sentences: 3 }).message).toMatch(/kwargs\.relation is missing/);
    expect(compileError('keywords:existence', { keywords: [] }).message).toMatch(/kwargs\.keywords is missing or empty/);
    expect(compileError('keywords:letter_frequency', { letter: 'ab', let_frequency: 1, let_relation: 'at least' }).message).toMatch(/longer than one character/);
    expect(compileError('detectable_content:postscript', {}).message).toMatch(/kwargs\.postscript_marker is missing/);
    expect(compileError('length_constraints:nth_paragraph_first_word', { num_paragraphs: 2, nth_paragraph: 3, first_word: 'a' }).message).toMatch(/nth_paragraph is 3, not a whole number from 1 to num_paragraphs \(2\)/);
  });

  it('accepts a negative capital_frequency, which the reference keeps', () => {
    expect(strictVerdict('change_case:capital_word_frequency', { capital_frequency: -1, capital_relation: 'at least' }, 'no capitals')).toBe(true);
  });

  it('rejects values the reference rejects', () => {
    expect(compileError('keywords:frequency', { keyword: 'a', frequency: 1, relation: 'at most' }).message).toMatch(/kwargs\.relation is "at most", not "less than" or "at least"/);
    expect(compileError('language:response_language', { language: 'xx' }).message).toMatch(/not one of the reference's language codes/);
    expect(compileError('combination:repeat_prompt', {}).message).toMatch(/rejects the instruction without it/);
  });

  it('rejects values of a type the reference does not expect', () => {
    expect(compileError('length_constraints:number_words', { num_words: '300', relation: 'at least' }).message).toMatch(/kwargs\.num_words is "300", not a number/);
    expect(compileError('keywords:existence', { keywords: 'cat' }).message).toMatch(/kwargs\.keywords is "cat", not a list of strings/);
  });

  it('rejects a keyword that is not a regex Python runs the same way', () => {
    expect(compileError('keywords:existence', { keywords: ['(unclosed'] }).message).toMatch(/kwargs\.keywords gives the regex "\(\?i\)\(unclosed"/);
  });

  it('rejects unknown ids and missing kwargs objects, naming the position', () => {
    expect(compileError('keywords:rephrase', {}).message).toMatch(/instruction 1 of 1 \("keywords:rephrase"\) is not an IFEval instruction id/);
    expect(compileError('punctuation:no_comma', null).message).toMatch(/has no kwargs object \(kwargs\[0\] is null\)/);
  });

  it('names the file and row when given', () => {
    try {
      compileIfevalInstructions({ instruction_id_list: ['punctuation:no_comma'], kwargs: [{ x: 1 }] }, { location: 'data.jsonl', rowNumber: 7 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as DatasetError).message).toMatch(/^data\.jsonl, row 7: instruction 1 of 1/);
      expect((error as DatasetError).row).toBe(7);
    }
  });
});
