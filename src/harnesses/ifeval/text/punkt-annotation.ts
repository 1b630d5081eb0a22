import { pythonStrip } from '../../../core/python/python-strip.js';
import { ORTHO_BEG_LC, ORTHO_LC, ORTHO_MID_UC, ORTHO_UC, type PunktParameters, collocationKey } from './punkt-parameters.js';
import { PUNKT_WORD } from './punkt-patterns.js';
import { type PunktToken, firstLower, firstUpper, isEllipsis, isInitial, punktToken, typeNoPeriod, typeNoSentperiod } from './punkt-token.js';

const SENT_END_CHARS = new Set(['.', '?', '!']);
/** Tokens that never start a sentence (NLTK's `PunktSentenceTokenizer.PUNCTUATION`). */
const PUNCTUATION = new Set([';', ':', ',', '.', '!', '?']);

/** Punkt's word tokens of a text, line by line (NLTK's `_tokenize_words`); blank lines give none. */
export function punktWordTokens(text: string): PunktToken[] {
  const tokens: PunktToken[] = [];
  for (const line of text.split('\n')) {
    if (pythonStrip(line) === '') continue;
    PUNKT_WORD.lastIndex = 0;
    for (let match = PUNKT_WORD.exec(line); match !== null; match = PUNKT_WORD.exec(line)) tokens.push(punktToken(match[0]));
  }
  return tokens;
}

/**
 * First pass, by type alone: `.`, `?`, `!` are sentence breaks, runs of periods are ellipses, a
 * period-final word is an abbreviation when the word (or its last hyphen-separated part) is a
 * known abbreviation and a sentence break otherwise.
 */
export function annotateFirstPass(token: PunktToken, params: PunktParameters): void {
  const { tok } = token;
  if (SENT_END_CHARS.has(tok)) {
    token.sentbreak = true;
  } else if (isEllipsis(token)) {
    token.ellipsis = true;
  } else if (token.periodFinal && !tok.endsWith('..')) {
    const word = tok.slice(0, -1).toLowerCase();
    if (params.abbrevTypes.has(word) || params.abbrevTypes.has(word.split('-').at(-1) as string)) token.abbr = true;
    else token.sentbreak = true;
  }
}

/**
 * Second pass over a period-final token and the token after it (which has had only its first
 * pass): known collocations are not breaks; an abbreviation or ellipsis (not an initial) becomes a
 * break when the next word starts a sentence by the orthographic heuristic or is a capitalised
 * frequent sentence starter; an initial or a number stops being a break when the next word does
 * not start a sentence, and an initial also when the heuristic is unsure but the next word is
 * capitalised and never seen in lower case.
 */
export function annotateSecondPass(token: PunktToken, next: PunktToken, params: PunktParameters): void {
  if (!token.periodFinal) return;
  const type = typeNoPeriod(token);
  const nextType = typeNoSentperiod(next);
  const initial = isInitial(token);

  if (params.collocations.has(collocationKey(type, nextType))) {
    token.sentbreak = false;
    token.abbr = true;
    return;
  }

  if ((token.abbr || token.ellipsis) && !initial) {
    if (orthoHeuristic(next, params) === true) {
      token.sentbreak = true;
      return;
    }
    if (firstUpper(next) && params.sentStarters.has(nextType)) {
      token.sentbreak = true;
      return;
    }
  }

  if (initial || type === '##number##') {
    const startsSentence = orthoHeuristic(next, params);
    if (startsSentence === false) {
      token.sentbreak = false;
      token.abbr = true;
      return;
    }
    if (startsSentence === 'unknown' && initial && firstUpper(next) && !((params.orthoContext.get(nextType) ?? 0) & ORTHO_LC)) {
      token.sentbreak = false;
      token.abbr = true;
    }
  }
}

/**
 * Whether the token starts a sentence, judged by the case it was seen with in training: true for
 * a capitalised word seen in lower case but never capitalised mid-sentence; false for punctuation
 * and for a lower-case word seen capitalised or never seen lower-case at a sentence start.
 */
function orthoHeuristic(token: PunktToken, params: PunktParameters): boolean | 'unknown' {
  if (PUNCTUATION.has(token.tok)) return false;
  const context = params.orthoContext.get(typeNoSentperiod(token)) ?? 0;
  if (firstUpper(token) && context & ORTHO_LC && !(context & ORTHO_MID_UC)) return true;
  if (firstLower(token) && (context & ORTHO_UC || !(context & ORTHO_BEG_LC))) return false;
  return 'unknown';
}
