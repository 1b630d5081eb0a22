import { describe, expect, it } from 'vitest';
import { splitIntoSentences } from '../../../../src/harnesses/ifeval/text/split-into-sentences.js';
import { listDigest, loadTextUtilsCases } from './text-utils-fixture.js';

// Expected values come from the reference's instructions_util.split_into_sentences, run once and
// pasted; the fixture recipe is in text-utils-fixture.ts.
const CASES: [text: string, sentences: string[]][] = [
  ['Dr. Smith went to Washington. He arrived at 3 p.m. on Monday.', ['Dr. Smith went to Washington.', 'He arrived at 3 p.m. on Monday.']],
  ['Wait... What happened? Nobody knows!', ['Wait...', 'What happened?', 'Nobody knows!']],
  ['Pi is about 3.14. That is a number.', ['Pi is about 3.14.', 'That is a number.']],
  ['He said "Stop." Then he left.', ['He said "Stop".', 'Then he left.']],
  ['(This is a sentence.) This is another one.', ['(This is a sentence.', ') This is another one.']],
  ['First line\nSecond line. Third sentence.\n\nNew paragraph here.', ['First line Second line.', 'Third sentence.', 'New paragraph here.']],
  ['Very bad acting!!! I promise.', ['Very bad acting!', '!', '!', 'I promise.']],
  ['See e.g. the manual. Also i.e. this one.', ['See e.g. the manual.', 'Also i.e. this one.']],
  ['Visit www.example.com. It is great.', ['Visit www.', 'example.com.', 'It is great.']],
  ['Mr. and Mrs. Jones met Prof. Lee at St. Paul.', ['Mr. and Mrs. Jones met Prof.', 'Lee at St. Paul.']],
  ['She has a Ph.D. in physics. She teaches.', ['She has a Ph.D. in physics.', 'She teaches.']],
  ['Apple Inc. is big. But Microsoft Corp. is bigger.', ['Apple Inc. is big.', 'But Microsoft Corp.', 'is bigger.']],
  ['He shouted "Go!" and ran. "Why?" she asked.', ['He shouted "Go"!', 'and ran.', '"Why"?', 'she asked.']],
  ['1. First\n2. Second\n3. Third', ['1.', 'First 2.', 'Second 3.', 'Third']],
  ['No punctuation at all', ['No punctuation at all']],
  ['', []],
];

describe('splitIntoSentences', () => {
  it.each(CASES)('splits %j as the reference does', (text, sentences) => {
    expect(splitIntoSentences(text)).toEqual(sentences);
  });

  it("equals the reference's output on every GPT-4 response and loose variant", () => {
    const mismatches = loadTextUtilsCases().filter(({ row, text }) => {
      const sentences = splitIntoSentences(text);
      return sentences.length !== row.split_into_sentences_len || listDigest(sentences) !== row.split_into_sentences_sha256;
    });
    expect(mismatches.map(({ row }) => `${row.key}/${row.variant}`)).toEqual([]);
  });
});
