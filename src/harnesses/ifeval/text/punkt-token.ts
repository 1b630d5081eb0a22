import { PythonRegex } from '../../../core/python/python-regex.js';
import { compileAnchoredPattern, matchAtStart } from './python-pattern.js';
import { pythonIsLower, pythonIsUpper } from './python-case.js';

/** A word token with the annotations punkt's two passes give it (NLTK's `PunktToken`). */
export interface PunktToken {
  tok: string;
  /** `tok` lowercased, `##number##` when it looks like a number. */
  type: string;
  periodFinal: boolean;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

// NLTK's PunktToken patterns; `[^\W\d]` ("a word character that is not a digit") is spelled
// `(?!\d)\w`, which matches the same characters, because the regex port rejects `\W` in a class.
const NUMERIC = new PythonRegex('^-?[\\.,]?\\d[\\d,\\.-]*\\.?$');
const ELLIPSIS = compileAnchoredPattern('\\.\\.+$');
const INITIAL = compileAnchoredPattern('(?!\\d)\\w\\.$');

/** A fresh token, before any annotation. */
export function punktToken(tok: string): PunktToken {
  return {
    tok,
    type: NUMERIC.sub(tok.toLowerCase(), '##number##'),
    periodFinal: tok.endsWith('.'),
    sentbreak: false,
    abbr: false,
    ellipsis: false,
  };
}

/** The type without a final period (a lone `.` keeps it). */
export function typeNoPeriod(token: PunktToken): string {
  return token.type.length > 1 && token.type.endsWith('.') ? token.type.slice(0, -1) : token.type;
}

/** The type without a final period when the token is marked as a sentence break. */
export function typeNoSentperiod(token: PunktToken): string {
  return token.sentbreak ? typeNoPeriod(token) : token.type;
}

/** The first character satisfies Python's `str.isupper()`. */
export function firstUpper(token: PunktToken): boolean {
  return pythonIsUpper(firstCharacter(token.tok));
}

/** The first character satisfies Python's `str.islower()`. */
export function firstLower(token: PunktToken): boolean {
  return pythonIsLower(firstCharacter(token.tok));
}

/** Two or more periods and nothing else. */
export function isEllipsis(token: PunktToken): boolean {
  return matchAtStart(ELLIPSIS, token.tok) !== null;
}

/** One letter (a word character that is not a digit) and a period, e.g. `J.`. */
export function isInitial(token: PunktToken): boolean {
  return matchAtStart(INITIAL, token.tok) !== null;
}

function firstCharacter(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) as number);
}
