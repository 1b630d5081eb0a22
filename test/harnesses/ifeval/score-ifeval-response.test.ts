import { describe, expect, it } from 'vitest';
import { compileIfevalInstructions, judgeIfevalResponse, scoreIfevalResponse } from '../../../src/harnesses/ifeval/score-ifeval-response.js';
import { loadGpt4Responses, loadIfevalInputs } from './gpt4-responses.js';
import { loadReferenceVerdicts } from './reference-verdicts-fixture.js';

describe('scoreIfevalResponse agrees with Google\'s evaluator on GPT-4\'s responses', () => {
  const inputs = loadIfevalInputs();
  const responses = loadGpt4Responses();
  const reference = loadReferenceVerdicts();

  it('instruction by instruction, strict and loose, for all 541 prompts', () => {
    expect(inputs).toHaveLength(541);
    const disagreements: string[] = [];
    inputs.forEach((row, index) => {
      const expected = reference[index];
      expect(expected?.key).toBe(row.key);
      const verdicts = scoreIfevalResponse(row, responses.get(row.prompt) as string);
      verdicts.instructions.forEach(({ id, strict, loose }, i) => {
        if (strict !== expected?.strict[i] || loose !== expected.loose[i]) {
          disagreements.push(`key ${row.key} ${id}: strict ${strict} loose ${loose}, reference ${expected?.strict[i]} ${expected?.loose[i]}`);
        }
      });
      expect(verdicts.promptLevelStrict).toBe(expected?.strict.every(Boolean));
      expect(verdicts.promptLevelLoose).toBe(expected?.loose.every(Boolean));
    });
    expect(disagreements).toEqual([]);
  });

  it('reproduces the reference totals 417/541, 698/834, 431/541, 714/834', () => {
    const all = inputs.map((row) => scoreIfevalResponse(row, responses.get(row.prompt) as string));
    const instructions = all.flatMap((v) => v.instructions);
    expect(all.filter((v) => v.promptLevelStrict)).toHaveLength(417);
    expect(instructions.filter((v) => v.strict)).toHaveLength(698);
    expect(all.filter((v) => v.promptLevelLoose)).toHaveLength(431);
    expect(instructions.filter((v) => v.loose)).toHaveLength(714);
    expect(instructions).toHaveLength(834);
  });
});

describe('judgeIfevalResponse', () => {
  const noComma = compileIfevalInstructions({ instruction_id_list: ['punctuation:no_comma'], kwargs: [{}] });

  it('fails a blank response strictly and loosely', () => {
    expect(judgeIfevalResponse(noComma, ' \n\t ')).toEqual({
      instructions: [{ id: 'punctuation:no_comma', strict: false, loose: false }],
      promptLevelStrict: false,
      promptLevelLoose: false,
    });
  });

  it('passes loosely when a variant without the first or last line, or without *, follows', () => {
    expect(judgeIfevalResponse(noComma, 'Sure, here it is:\nNo commas at all')).toMatchObject({ promptLevelStrict: false, promptLevelLoose: true });
    const lowercase = compileIfevalInstructions({ instruction_id_list: ['change_case:english_lowercase'], kwargs: [{}] });
    expect(judgeIfevalResponse(lowercase, 'Here Is My Answer\nthis is the whole answer written in plain lowercase english words')).toMatchObject({ promptLevelStrict: false, promptLevelLoose: true });
    const paragraphs = compileIfevalInstructions({ instruction_id_list: ['length_constraints:number_paragraphs'], kwargs: [{ num_paragraphs: 1 }] });
    expect(judgeIfevalResponse(paragraphs, 'one *** two')).toMatchObject({ promptLevelStrict: false, promptLevelLoose: true });
  });

  it('needs every instruction for the prompt level, and counts an empty list as followed', () => {
    const two = compileIfevalInstructions({ instruction_id_list: ['punctuation:no_comma', 'startend:quotation'], kwargs: [{}, {}] });
    expect(judgeIfevalResponse(two, '"a b"').promptLevelStrict).toBe(true);
    expect(judgeIfevalResponse(two, 'a b')).toMatchObject({ instructions: [{ strict: true }, { strict: false }], promptLevelStrict: false });
    expect(judgeIfevalResponse([], 'anything')).toEqual({ instructions: [], promptLevelStrict: true, promptLevelLoose: true });
  });
});
