import { describe, expect, it } from 'vitest';
import { pythonIsUpper } from '../../../../src/harnesses/ifeval/text/python-case.js';
import { wordTokenize } from '../../../../src/harnesses/ifeval/text/word-tokenize.js';
import { listDigest, loadTextUtilsCases } from './text-utils-fixture.js';

// Expected values come from NLTK 3.8's nltk.word_tokenize, run once and pasted; the fixture recipe
// is in text-utils-fixture.ts.
const CASES: [text: string, tokens: string[]][] = [
  ['Dr. Smith went to Washington. He arrived at 3 p.m. on Monday.', ['Dr.', 'Smith', 'went', 'to', 'Washington', '.', 'He', 'arrived', 'at', '3', 'p.m.', 'on', 'Monday', '.']],
  ['See e.g. the manual.', ['See', 'e.g', '.', 'the', 'manual', '.']],
  ['He said "Stop." Then he left.', ['He', 'said', '``', 'Stop', '.', "''", 'Then', 'he', 'left', '.']],
  ['(This is a sentence.) This is another one.', ['(', 'This', 'is', 'a', 'sentence', '.', ')', 'This', 'is', 'another', 'one', '.']],
  ['Very bad acting!!! I promise.', ['Very', 'bad', 'acting', '!', '!', '!', 'I', 'promise', '.']],
  ['Visit www.example.com. It is great.', ['Visit', 'www.example.com', '.', 'It', 'is', 'great', '.']],
  ["I cannot go, it's late -- don't wait.", ['I', 'can', 'not', 'go', ',', 'it', "'s", 'late', '--', 'do', "n't", 'wait', '.']],
  ['Costs $3.88 (roughly 3,36 euros)', ['Costs', '$', '3.88', '(', 'roughly', '3,36', 'euros', ')']],
  ['“Quoted” and ‘single’ …', ['“', 'Quoted', '”', 'and', '‘', 'single', '’', '…']],
  ['', []],
];

describe('wordTokenize', () => {
  it.each(CASES)('tokenizes %j as NLTK does', (text, tokens) => {
    expect(wordTokenize(text)).toEqual(tokens);
  });

  it('equals nltk.word_tokenize, and its str.isupper() count, on every GPT-4 response and loose variant', () => {
    const mismatches = loadTextUtilsCases().filter(({ row, text }) => {
      const tokens = wordTokenize(text);
      return tokens.length !== row.word_tokenize_len || listDigest(tokens) !== row.word_tokenize_sha256 || tokens.filter(pythonIsUpper).length !== row.word_tokenize_isupper;
    });
    expect(mismatches.map(({ row }) => `${row.key}/${row.variant}`)).toEqual([]);
  });
});
