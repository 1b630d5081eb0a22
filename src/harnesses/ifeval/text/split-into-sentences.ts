import { pythonStrip } from '../../../core/python/python-strip.js';
import { compileNonEmptyPattern, pythonSub } from './python-pattern.js';

// The reference's building blocks (instructions_util.py), byte for byte.
const ALPHABETS = '([A-Za-z])';
const PREFIXES = '(Mr|St|Mrs|Ms|Dr)[.]';
const SUFFIXES = '(Inc|Ltd|Jr|Sr|Co)';
const STARTERS = '(Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He\\s|She\\s|It\\s|They\\s|Their\\s|Our\\s|We\\s|But\\s|However\\s|That\\s|This\\s|Wherever)';
const ACRONYMS = '([A-Z][.][A-Z][.](?:[A-Z][.])?)';
const WEBSITES = '[.](com|net|org|io|gov|edu|me)';
const DIGITS = '([0-9])';
const MULTIPLE_DOTS = '\\.{2,}';

/** The `re.sub` steps in the reference's order, each with its replacement template expanded. */
const SUBSTITUTIONS: readonly [RegExp, (match: string, groups: string[]) => string][] = [
  [compileNonEmptyPattern(PREFIXES), (_, [a]) => `${a}<prd>`],
  [compileNonEmptyPattern(WEBSITES), (_, [a]) => `<prd>${a}`],
  [compileNonEmptyPattern(`${DIGITS}[.]${DIGITS}`), (_, [a, b]) => `${a}<prd>${b}`],
  [compileNonEmptyPattern(MULTIPLE_DOTS), (match) => `${'<prd>'.repeat(match.length)}<stop>`],
];
const SINGLE_LETTER = compileNonEmptyPattern(`\\s${ALPHABETS}[.] `);
const LATER_SUBSTITUTIONS: readonly [RegExp, (match: string, groups: string[]) => string][] = [
  [compileNonEmptyPattern(`${ACRONYMS} ${STARTERS}`), (_, [a, b]) => `${a}<stop> ${b}`],
  [compileNonEmptyPattern(`${ALPHABETS}[.]${ALPHABETS}[.]${ALPHABETS}[.]`), (_, [a, b, c]) => `${a}<prd>${b}<prd>${c}<prd>`],
  [compileNonEmptyPattern(`${ALPHABETS}[.]${ALPHABETS}[.]`), (_, [a, b]) => `${a}<prd>${b}<prd>`],
  [compileNonEmptyPattern(` ${SUFFIXES}[.] ${STARTERS}`), (_, [a, b]) => ` ${a}<stop> ${b}`],
  [compileNonEmptyPattern(` ${SUFFIXES}[.]`), (_, [a]) => ` ${a}<prd>`],
  [compileNonEmptyPattern(` ${ALPHABETS}[.]`), (_, [a]) => ` ${a}<prd>`],
];

/**
 * The reference's `instructions_util.split_into_sentences`: a rule-based splitter, not punkt.
 * The text is padded (`" " + text + "  "`), newlines become spaces, periods that do not end a
 * sentence (titles, domains, decimals, ellipses, single letters, acronyms, `Ph.D.`, company
 * suffixes) are protected, closing quotes move before `.`/`!`/`?`, and the text is split after
 * every remaining `.`, `?`, `!` (and after ellipses). Each piece is `str.strip()`ped; only a
 * trailing empty piece is dropped, so empty pieces inside (e.g. from `?!`) stay.
 */
export function splitIntoSentences(text: string): string[] {
  let padded = ` ${text}  `.replaceAll('\n', ' ');
  for (const [regex, repl] of SUBSTITUTIONS) padded = pythonSub(regex, padded, repl);
  if (padded.includes('Ph.D')) padded = padded.replaceAll('Ph.D.', 'Ph<prd>D<prd>');
  padded = pythonSub(SINGLE_LETTER, padded, (_, [a]) => ` ${a}<prd> `);
  for (const [regex, repl] of LATER_SUBSTITUTIONS) padded = pythonSub(regex, padded, repl);
  padded = padded.replaceAll('.”', '”.').replaceAll('."', '".').replaceAll('!"', '"!').replaceAll('?"', '"?');
  padded = padded.replaceAll('.', '.<stop>').replaceAll('?', '?<stop>').replaceAll('!', '!<stop>').replaceAll('<prd>', '.');
  const sentences = padded.split('<stop>').map(pythonStrip);
  if (sentences.at(-1) === '') sentences.pop();
  return sentences;
}
