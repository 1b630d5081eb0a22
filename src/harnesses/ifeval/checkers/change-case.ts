import { pythonIsLower, pythonIsUpper } from '../text/python-case.js';
import { wordTokenize } from '../text/word-tokenize.js';
import { compareCount, type InstructionDefinition } from './instruction-args.js';
import { detectedLanguageIs } from './language.js';

/**
 * `change_case:capital_word_frequency` (`CapitalWordFrequencyChecker`): the number of
 * `nltk.word_tokenize` tokens for which Python's `str.isupper()` holds (so `I`, `A` and `U.S.`
 * count, `123` does not), compared with `capital_frequency` by `capital_relation`.
 */
export const capitalWordFrequency: InstructionDefinition = {
  kwargs: ['capital_frequency', 'capital_relation'],
  build(args) {
    const frequency = args.number('capital_frequency');
    const relation = args.relation('capital_relation');
    return (response) => compareCount(wordTokenize(response).filter(pythonIsUpper).length, relation, frequency);
  },
};

/**
 * `change_case:english_capital` (`CapitalLettersEnglishChecker`): Python's `str.isupper()` holds
 * for the response and langdetect finds English (or cannot classify the text).
 */
export const englishCapital: InstructionDefinition = {
  kwargs: [],
  build() {
    return (response) => pythonIsUpper(response) && detectedLanguageIs(response, 'en');
  },
};

/**
 * `change_case:english_lowercase` (`LowercaseLettersEnglishChecker`): Python's `str.islower()`
 * holds for the response and langdetect finds English (or cannot classify the text).
 */
export const englishLowercase: InstructionDefinition = {
  kwargs: [],
  build() {
    return (response) => pythonIsLower(response) && detectedLanguageIs(response, 'en');
  },
};
