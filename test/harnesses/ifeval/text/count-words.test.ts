import { describe, expect, it } from 'vitest';
import { countWords } from '../../../../src/harnesses/ifeval/text/count-words.js';
import { loadTextUtilsCases } from './text-utils-fixture.js';

// Expected values come from the reference's instructions_util.count_words, run once and pasted;
// the fixture recipe is in text-utils-fixture.ts.
describe('countWords', () => {
  it.each([
    ['Dr. Smith went to Washington. He arrived at 3 p.m. on Monday.', 13],
    ['Pi is about 3.14. That is a number.', 9],
    ["don't e-mail snake_case", 5],
    ['Ünïcödé naïve ٣ ²', 4],
    ['— ... !!!', 0],
    ['', 0],
  ])('counts %j as %i', (text, count) => {
    expect(countWords(text)).toBe(count);
  });

  it("equals the reference's count on every GPT-4 response and loose variant", () => {
    const mismatches = loadTextUtilsCases().filter(({ row, text }) => countWords(text) !== row.count_words);
    expect(mismatches.map(({ row }) => `${row.key}/${row.variant}`)).toEqual([]);
  });
});
