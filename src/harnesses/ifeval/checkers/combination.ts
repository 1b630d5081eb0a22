import { pythonStrip } from '../../../core/python/python-strip.js';
import type { InstructionDefinition } from './instruction-args.js';

const SEPARATOR = '******';

/**
 * `combination:two_responses` (`TwoResponsesChecker`): split at `******`, the response has
 * exactly two non-blank pieces, which differ once stripped. A blank piece is allowed only first
 * or last: twelve stars in a row leave one in the middle and fail, while seven are the separator
 * and a `*` at the start of the second answer.
 */
export const twoResponses: InstructionDefinition = {
  kwargs: [],
  build() {
    return (response) => {
      const pieces = response.split(SEPARATOR);
      const answers: string[] = [];
      for (const [index, piece] of pieces.entries()) {
        const stripped = pythonStrip(piece);
        if (stripped !== '') answers.push(stripped);
        else if (index !== 0 && index !== pieces.length - 1) return false;
      }
      return answers.length === 2 && answers[0] !== answers[1];
    };
  },
};

/**
 * `combination:repeat_prompt` (`RepeatPromptThenAnswer`): the stripped, lower-cased response
 * starts with the stripped, lower-cased `prompt_to_repeat`.
 */
export const repeatPrompt: InstructionDefinition = {
  kwargs: ['prompt_to_repeat'],
  build(args) {
    const prefix = pythonStrip(args.string('prompt_to_repeat', true)).toLowerCase();
    return (response) => pythonStrip(response).toLowerCase().startsWith(prefix);
  },
};
