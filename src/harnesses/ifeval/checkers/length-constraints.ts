import { pythonStrip } from '../../../core/python/python-strip.js';
import { countSentences } from '../text/count-sentences.js';
import { countWords } from '../text/count-words.js';
import { compileNonEmptyPattern } from '../text/python-pattern.js';
import { compareCount, InstructionArgumentError, type InstructionDefinition } from './instruction-args.js';
import { splitNonEmpty } from './patterns.js';
import { firstWord, lstripChars } from './python-str.js';

const MARKDOWN_DIVIDER = compileNonEmptyPattern('\\s?\\*\\*\\*\\s?');
const FIRST_WORD_END = new Set(['.', ',', '?', '!', "'", '"']);

/**
 * `length_constraints:number_sentences` (`NumberOfSentences`): the number of sentences NLTK's
 * English punkt model finds, compared with `num_sentences` by `relation`.
 */
export const numberOfSentences: InstructionDefinition = {
  kwargs: ['num_sentences', 'relation'],
  build(args) {
    const threshold = args.count('num_sentences');
    const relation = args.relation('relation');
    return (response) => compareCount(countSentences(response), relation, threshold);
  },
};

/**
 * `length_constraints:number_words` (`NumberOfWords`): the number of `\w+` runs, compared with
 * `num_words` by `relation`.
 */
export const numberOfWords: InstructionDefinition = {
  kwargs: ['num_words', 'relation'],
  build(args) {
    const threshold = args.count('num_words');
    const relation = args.relation('relation');
    return (response) => compareCount(countWords(response), relation, threshold);
  },
};

/**
 * `length_constraints:number_paragraphs` (`ParagraphChecker`): the response split at `***`
 * (with at most one Python whitespace character on each side, `re.split(r"\s?\*\*\*\s?")`) has
 * exactly `num_paragraphs` pieces, not counting a blank first or last piece; a blank piece
 * anywhere else fails.
 */
export const paragraphCount: InstructionDefinition = {
  kwargs: ['num_paragraphs'],
  build(args) {
    const expected = args.count('num_paragraphs');
    return (response) => {
      const paragraphs = splitNonEmpty(MARKDOWN_DIVIDER, response);
      let count = paragraphs.length;
      for (const [index, paragraph] of paragraphs.entries()) {
        if (pythonStrip(paragraph) !== '') continue;
        if (index !== 0 && index !== paragraphs.length - 1) return false;
        count--;
      }
      return count === expected;
    };
  },
};

/**
 * `length_constraints:nth_paragraph_first_word` (`ParagraphFirstWordCheck`): the response split
 * at `\n\n` has exactly `num_paragraphs` pieces that are not blank, and piece `nth_paragraph`
 * (counting blank pieces too) starts with `first_word`: its first whitespace-separated word,
 * without leading `'` and then `"`, lower-cased up to the first `.`, `,`, `?`, `!`, `'` or `"`.
 * `nth_paragraph` beyond the non-blank count, or pointing at a blank piece, fails.
 */
export const paragraphFirstWord: InstructionDefinition = {
  kwargs: ['num_paragraphs', 'nth_paragraph', 'first_word'],
  build(args) {
    const expectedCount = args.count('num_paragraphs');
    const nth = args.number('nth_paragraph');
    if (!Number.isInteger(nth) || nth <= 0 || nth > expectedCount) {
      throw new InstructionArgumentError(
        `kwargs.nth_paragraph is ${nth}, not a whole number from 1 to num_paragraphs (${expectedCount}); Google's reference would pick a random paragraph, so the score would not be reproducible`,
        'give "nth_paragraph" a whole number from 1 to num_paragraphs',
      );
    }
    const expectedWord = args.string('first_word').toLowerCase();
    return (response) => {
      const paragraphs = response.split('\n\n');
      const count = paragraphs.filter((paragraph) => pythonStrip(paragraph) !== '').length;
      if (nth > count) return false;
      const paragraph = pythonStrip(paragraphs[nth - 1] as string);
      if (paragraph === '') return false;
      return count === expectedCount && leadingWord(paragraph) === expectedWord;
    };
  },
};

/** The first word of a stripped, non-empty paragraph as the reference reads it. */
function leadingWord(paragraph: string): string {
  const word = lstripChars(lstripChars(firstWord(paragraph), "'"), '"');
  let result = '';
  for (const ch of word) {
    if (FIRST_WORD_END.has(ch)) break;
    result += ch.toLowerCase();
  }
  return result;
}
