import { describe, expect, it } from 'vitest';
import { punktSentenceSpans, punktSentences } from '../../../../src/harnesses/ifeval/text/punkt-sentence-tokenizer.js';

// Expected values come from NLTK 3.8 with the English punkt model
// (`nltk.data.load("nltk:tokenizers/punkt/english.pickle").tokenize(text)`), run once and pasted.
const CASES: [text: string, sentences: string[]][] = [
  ['Dr. Smith went to Washington. He arrived at 3 p.m. on Monday.', ['Dr. Smith went to Washington.', 'He arrived at 3 p.m. on Monday.']],
  ['The U.S. economy grew. The U.K. did not.', ['The U.S. economy grew.', 'The U.K. did not.']],
  ['J. S. Bach was a composer. He wrote fugues.', ['J. S. Bach was a composer.', 'He wrote fugues.']],
  ['Wait... What happened? Nobody knows!', ['Wait... What happened?', 'Nobody knows!']],
  ['Pi is about 3.14. That is a number.', ['Pi is about 3.14.', 'That is a number.']],
  ['He said "Stop." Then he left.', ['He said "Stop."', 'Then he left.']],
  ['(This is a sentence.) This is another one.', ['(This is a sentence.)', 'This is another one.']],
  ['First line\nSecond line. Third sentence.\n\nNew paragraph here.', ['First line\nSecond line.', 'Third sentence.', 'New paragraph here.']],
  ['Very bad acting!!! I promise.', ['Very bad acting!!!', 'I promise.']],
  ['I scored 1. then left. 2. Second item.', ['I scored 1. then left.', '2.', 'Second item.']],
  ['See e.g. the manual. Also i.e. this one.', ['See e.g.', 'the manual.', 'Also i.e.', 'this one.']],
  ['Visit www.example.com. It is great.', ['Visit www.example.com.', 'It is great.']],
  ['Mr. and Mrs. Jones met Prof. Lee at St. Paul.', ['Mr. and Mrs. Jones met Prof. Lee at St. Paul.']],
  ['She has a Ph.D. in physics. She teaches.', ['She has a Ph.D. in physics.', 'She teaches.']],
  ['Apple Inc. is big. But Microsoft Corp. is bigger.', ['Apple Inc. is big.', 'But Microsoft Corp. is bigger.']],
  ['What?! Really?! Yes.', ['What?!', 'Really?!', 'Yes.']],
  ['He shouted "Go!" and ran. "Why?" she asked.', ['He shouted "Go!"', 'and ran.', '"Why?"', 'she asked.']],
  ['  Leading and trailing whitespace.   ', ['  Leading and trailing whitespace.']],
  ['No punctuation at all', ['No punctuation at all']],
  ['Ends with abbreviation etc.', ['Ends with abbreviation etc.']],
  ['1. First\n2. Second\n3. Third', ['1.', 'First\n2.', 'Second\n3.', 'Third']],
  ['', []],
];

describe('punktSentences', () => {
  it.each(CASES)('splits %j as NLTK does', (text, sentences) => {
    expect(punktSentences(text)).toEqual(sentences);
  });

  it('gives spans into the text, leading whitespace kept and trailing whitespace dropped', () => {
    expect(punktSentenceSpans('  One here. Two there.  ')).toEqual([
      [0, 11],
      [12, 22],
    ]);
  });

  it('measures offsets in UTF-16 code units across astral characters', () => {
    const text = 'Emoji 😀 here. Next one.';
    expect(punktSentenceSpans(text).map(([start, end]) => text.slice(start, end))).toEqual(['Emoji 😀 here.', 'Next one.']);
  });
});
