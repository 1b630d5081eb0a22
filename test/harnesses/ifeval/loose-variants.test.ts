import { describe, expect, it } from 'vitest';
import { looseVariants } from '../../../src/harnesses/ifeval/loose-variants.js';

describe('looseVariants', () => {
  it('lists the eight texts of the reference, in its order', () => {
    expect(looseVariants('Sure!\n**Title**\nBody *x*\nBye')).toEqual([
      'Sure!\n**Title**\nBody *x*\nBye',
      'Sure!\nTitle\nBody x\nBye',
      '**Title**\nBody *x*\nBye',
      'Sure!\n**Title**\nBody *x*',
      '**Title**\nBody *x*',
      'Title\nBody x\nBye',
      'Sure!\nTitle\nBody x',
      'Title\nBody x',
    ]);
  });

  it('strips the shortened texts with Python whitespace, and splits at \\n only', () => {
    // U+0085 is whitespace to Python's str.strip(); "\r" stays inside a line.
    const response = ' a\r\n\u0085b \n';
    expect(looseVariants(response)).toEqual([response, response, 'b', 'a\r\n\u0085b', 'b', 'b', 'a\r\n\u0085b', 'b']);
  });

  it('gives empty shortened texts for a one-line response', () => {
    expect(looseVariants('only')).toEqual(['only', 'only', '', '', '', '', '', '']);
  });
});
