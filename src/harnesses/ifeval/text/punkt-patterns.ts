import { compileAnchoredPattern, compileNonEmptyPattern } from './python-pattern.js';

// NLTK 3.8's PunktLanguageVars for English. NLTK builds the first two patterns in verbose mode
// from these pieces; the versions below drop only the verbose whitespace and comments (checked:
// Python's re parser gives both the same parse tree).
const NON_WORD = '(?:[)\\";}\\]\\*:@\\\'\\({\\[!?])';
const MULTI_CHAR = '(?:\\-{2,}|\\.{2,}|(?:\\.\\s){2,}\\.)';
const WORD_START = '[^\\(\\"\\`{\\[:;&\\#\\*@\\)}\\]\\-,]';

/**
 * Punkt's word tokenizer: a multi-character punctuation run, or a word up to whitespace, the
 * end, other punctuation or a word-final comma, or else any single non-space character.
 */
export const PUNKT_WORD = compileNonEmptyPattern(
  `(${MULTI_CHAR}|(?=${WORD_START})\\S+?(?=\\s|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|\\s|${NON_WORD}|${MULTI_CHAR}))|\\S)`,
);

/**
 * A possible sentence end: `.`, `?` or `!` followed (in a lookahead) by other punctuation or by
 * whitespace and the next token (`next_tok`).
 */
export const PUNKT_PERIOD_CONTEXT = compileNonEmptyPattern(`[\\.\\?!](?=(?P<after_tok>${NON_WORD}|\\s+(?P<next_tok>\\S+)))`);

/** Closing punctuation after a sentence end that belongs to the sentence before (MULTILINE). */
export const PUNKT_BOUNDARY_REALIGNMENT = compileAnchoredPattern('(?m)["\\\')\\]}]+?(?:\\s+|(?=--)|$)');

/** Python's `string.whitespace`, which punkt uses to find where the word before a period starts. */
export const ASCII_WHITESPACE = ' \t\n\r\x0b\x0c';
