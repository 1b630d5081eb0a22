import type { InstructionDefinition } from './instruction-args.js';

/** `punctuation:no_comma` (`CommaChecker`): the response has no ASCII comma `,`. */
export const noComma: InstructionDefinition = {
  kwargs: [],
  build() {
    return (response) => !response.includes(',');
  },
};
