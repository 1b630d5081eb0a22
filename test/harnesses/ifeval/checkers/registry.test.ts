import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS } from '../../../../src/harnesses/ifeval/checkers/registry.js';

describe('INSTRUCTIONS', () => {
  it('has the ids of the reference registry, in its order', () => {
    expect([...INSTRUCTIONS.keys()]).toEqual([
      'keywords:existence',
      'keywords:frequency',
      'keywords:forbidden_words',
      'keywords:letter_frequency',
      'language:response_language',
      'length_constraints:number_sentences',
      'length_constraints:number_paragraphs',
      'length_constraints:number_words',
      'length_constraints:nth_paragraph_first_word',
      'detectable_content:number_placeholders',
      'detectable_content:postscript',
      'detectable_format:number_bullet_lists',
      'detectable_format:constrained_response',
      'detectable_format:number_highlighted_sections',
      'detectable_format:multiple_sections',
      'detectable_format:json_format',
      'detectable_format:title',
      'combination:two_responses',
      'combination:repeat_prompt',
      'startend:end_checker',
      'change_case:capital_word_frequency',
      'change_case:english_capital',
      'change_case:english_lowercase',
      'punctuation:no_comma',
      'startend:quotation',
    ]);
  });

  it('declares the keyword arguments of each build_description', () => {
    const kwargs = Object.fromEntries([...INSTRUCTIONS].map(([id, definition]) => [id, definition.kwargs]));
    expect(kwargs).toMatchObject({
      'keywords:frequency': ['keyword', 'frequency', 'relation'],
      'keywords:letter_frequency': ['letter', 'let_frequency', 'let_relation'],
      'length_constraints:nth_paragraph_first_word': ['num_paragraphs', 'nth_paragraph', 'first_word'],
      'detectable_format:multiple_sections': ['section_spliter', 'num_sections'],
      'change_case:capital_word_frequency': ['capital_frequency', 'capital_relation'],
      'detectable_format:json_format': [],
    });
  });
});
