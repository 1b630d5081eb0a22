import { pythonStrip } from '../../../core/python/python-strip.js';
import type { InstructionDefinition } from './instruction-args.js';
import { stripChars } from './python-str.js';

/**
 * `startend:end_checker` (`EndChecker`): the response, stripped, then without leading and
 * trailing `"`, lower-cased, ends with the stripped, lower-cased `end_phrase`.
 */
export const endPhrase: InstructionDefinition = {
  kwargs: ['end_phrase'],
  build(args) {
    const phrase = args.strippedString('end_phrase').toLowerCase();
    return (response) => stripChars(pythonStrip(response), '"').toLowerCase().endsWith(phrase);
  },
};

/**
 * `startend:quotation` (`QuotationChecker`): the stripped response is at least two characters
 * long and starts and ends with `"`.
 */
export const quotation: InstructionDefinition = {
  kwargs: [],
  build() {
    return (response) => {
      const text = pythonStrip(response);
      return text.length > 1 && text.startsWith('"') && text.endsWith('"');
    };
  },
};
