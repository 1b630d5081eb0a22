import { pythonStrip } from '../../../core/python/python-strip.js';
import { compareCount, InstructionArgumentError, type InstructionDefinition } from './instruction-args.js';
import { kwargFindallPattern, kwargSearchPattern } from './patterns.js';

const REGEX_SYNTAX = /[\\^$.|?*+()[\]{}]/;

/**
 * `keywords:existence` (`KeywordChecker`): every keyword is found by `re.search(keyword, response,
 * re.IGNORECASE)`. Keywords are regexes, matched anywhere, also inside longer words.
 */
export const keywordExistence: InstructionDefinition = {
  kwargs: ['keywords'],
  build(args) {
    const patterns = args.strings('keywords').map((keyword) => kwargSearchPattern('keywords', `(?i)${keyword}`));
    return (response) => patterns.every((pattern) => pattern.test(response));
  },
};

/**
 * `keywords:frequency` (`KeywordFrequencyChecker`): the number of `re.findall(keyword, response,
 * re.IGNORECASE)` matches of the stripped keyword, compared with `frequency` by `relation`.
 * Matches are not restricted to whole words.
 */
export const keywordFrequency: InstructionDefinition = {
  kwargs: ['keyword', 'frequency', 'relation'],
  build(args) {
    const pattern = kwargFindallPattern('keyword', `(?i)${args.strippedString('keyword')}`);
    const frequency = args.count('frequency');
    const relation = args.relation('relation');
    return (response) => compareCount(pattern.findall(response).length, relation, frequency);
  },
};

/**
 * `keywords:forbidden_words` (`ForbiddenWords`): no word is found by `re.search(r"\b" + word +
 * r"\b", response, re.IGNORECASE)`, with Python's Unicode `\b`.
 */
export const forbiddenWords: InstructionDefinition = {
  kwargs: ['forbidden_words'],
  build(args) {
    const patterns = args.strings('forbidden_words').map((word) => ({
      bounded: kwargSearchPattern('forbidden_words', `(?i)\\b${word}\\b`),
      // Python's `\b` becomes lookarounds tried at every position, which is slow; a word without
      // regex syntax can only match where it occurs by itself, which is quick to rule out first.
      alone: REGEX_SYNTAX.test(word) ? undefined : kwargSearchPattern('forbidden_words', `(?i)${word}`),
    }));
    return (response) => !patterns.some(({ bounded, alone }) => (alone === undefined || alone.test(response)) && bounded.test(response));
  },
};

/**
 * `keywords:letter_frequency` (`LetterFrequencyChecker`, variant B: Google's code without the two
 * `ord(letter.lower())` lines, so a non-letter such as `#` is counted as given): how many code
 * points of `response.lower()` equal the stripped, lower-cased `letter`, compared with
 * `let_frequency` by `let_relation`. A letter that strips to nothing, or lower-cases to two code
 * points, is never counted.
 */
export const letterFrequency: InstructionDefinition = {
  kwargs: ['letter', 'let_frequency', 'let_relation'],
  build(args) {
    const given = args.string('letter');
    if ([...given].length > 1) {
      throw new InstructionArgumentError(
        `kwargs.letter is ${JSON.stringify(given)}, longer than one character; Google's reference would pick a random letter, so the score would not be reproducible`,
        'give "letter" a single character',
      );
    }
    const letter = pythonStrip(given).toLowerCase();
    const frequency = args.count('let_frequency');
    const relation = args.relation('let_relation');
    return (response) => compareCount(countCodePoint(response.toLowerCase(), letter), relation, frequency);
  },
};

/** `collections.Counter(text)[letter]`: the code points of `text` equal to `letter`. */
function countCodePoint(text: string, letter: string): number {
  let count = 0;
  for (const ch of text) if (ch === letter) count++;
  return count;
}
