import { describe, expect, it } from 'vitest';
import { strictVerdict } from './strict-verdict.js';

describe('startend:end_checker', () => {
  const id = 'startend:end_checker';
  const phrase = 'Is there anything else I can help with?';
  it('ignores case, surrounding whitespace and double quotes around the response', () => {
    expect(strictVerdict(id, { end_phrase: phrase }, `Done. ${phrase}"`)).toBe(true);
    expect(strictVerdict(id, { end_phrase: ' peace! ' }, 'PEACE!')).toBe(true);
  });
  it('fails when anything follows the phrase', () => {
    expect(strictVerdict(id, { end_phrase: phrase }, `Done. ${phrase}.`)).toBe(false);
  });
});

describe('startend:quotation', () => {
  const id = 'startend:quotation';
  it('needs ASCII double quotes around the stripped response', () => {
    expect(strictVerdict(id, {}, '"hi"')).toBe(true);
    expect(strictVerdict(id, {}, ' "a" \n')).toBe(true);
    expect(strictVerdict(id, {}, '"')).toBe(false);
    expect(strictVerdict(id, {}, '“a”')).toBe(false);
  });
});
