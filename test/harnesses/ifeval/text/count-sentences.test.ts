import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countSentences } from '../../../../src/harnesses/ifeval/text/count-sentences.js';
import { punktSentences } from '../../../../src/harnesses/ifeval/text/punkt-sentence-tokenizer.js';
import { listDigest, loadTextUtilsCases } from './text-utils-fixture.js';

// Fixture recipe: see text-utils-fixture.ts.
describe('countSentences', () => {
  it("equals NLTK punkt's sentence count and sentences on every GPT-4 response and loose variant", () => {
    const cases = loadTextUtilsCases();
    expect(cases.length).toBe(2416);
    const mismatches = cases.filter(({ row, text }) => countSentences(text) !== row.count_sentences || listDigest(punktSentences(text)) !== row.punkt_sha256);
    expect(mismatches.map(({ row }) => `${row.key}/${row.variant}`)).toEqual([]);
  });

  it('counts the 541 responses well within the scoring budget', () => {
    const responses = readFileSync(join(process.env.EVALFORGE_DATA_DIR as string, 'ifeval', 'gpt4_responses.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as { response: string }).response);
    countSentences('Warm up. The model loads once.');
    const start = performance.now();
    for (const response of responses) countSentences(response);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('is 0 for empty or blank text', () => {
    expect(countSentences('')).toBe(0);
    expect(countSentences(' \n\t ')).toBe(0);
  });
});
