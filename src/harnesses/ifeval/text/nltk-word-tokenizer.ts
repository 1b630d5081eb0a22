import { PYTHON_WHITESPACE_CLASS } from '../../../core/python/python-whitespace.js';
import { compileNonEmptyPattern, pythonSub } from './python-pattern.js';

interface Step {
  regex: RegExp;
  repl: (match: string, groups: string[]) => string;
  /** A pattern every match contains, searched first: a text without it is left as it is. */
  required?: RegExp;
}

/**
 * `re.sub(pattern, template, text)` as a step; the template only uses `\1`…`\9` and `\g<0>` (the
 * whole match). `required` is a pattern any match must contain, for patterns that are slow to
 * search (a leading `\b` is a lookaround at every position) but rarely match.
 */
function step(pattern: string, template: string, required?: string): Step {
  // Literal text, or the number of the group to insert (0 for the whole match).
  const pieces = template.split(/(\\g<0>|\\[1-9])/).map((part) => (part === '\\g<0>' ? 0 : /^\\[1-9]$/.test(part) ? Number(part.slice(1)) : part));
  return {
    regex: compileNonEmptyPattern(pattern),
    repl: (match, groups) => pieces.map((piece) => (typeof piece === 'string' ? piece : piece === 0 ? match : (groups[piece - 1] ?? ''))).join(''),
    ...(required === undefined ? {} : { required: compileNonEmptyPattern(required) }),
  };
}

// NLTK 3.8's NLTKWordTokenizer (nltk/tokenize/destructive.py): patterns and replacement templates
// byte for byte; the optional parenthesis conversion is off in word_tokenize, so it is left out.
const STARTING_QUOTES: readonly Step[] = [
  step('([«“‘„]|[`]+)', ' \\1 '),
  step('^\\"', '``'),
  step('(``)', ' \\1 '),
  step('([ \\(\\[{<])(\\"|\\\'{2})', '\\1 `` '),
  step("(?i)(\\')(?!re|ve|ll|m|t|s|d|n)(\\w)\\b", '\\1 \\2'),
];
const ENDING_QUOTES: readonly Step[] = [
  step('([»”’])', ' \\1 '),
  step("''", " '' "),
  step('"', " '' "),
  step("([^' ])('[sS]|'[mM]|'[dD]|') ", '\\1 \\2 '),
  step("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '\\1 \\2 '),
];
const PUNCTUATION: readonly Step[] = [
  step('([^\\.])(\\.)([\\]\\)}>"\\\'»”’ ]*)\\s*$', '\\1 \\2 \\3 '),
  step('([:,])([^\\d])', ' \\1 \\2'),
  step('([:,])$', ' \\1 '),
  step('\\.{2,}', ' \\g<0> '),
  step('[;@#$%&]', ' \\g<0> '),
  step('([^\\.])(\\.)([\\]\\)}>"\\\']*)\\s*$', '\\1 \\2\\3 '),
  step('[?!]', ' \\g<0> '),
  step("([^'])' ", "\\1 ' "),
  step('[*]', ' \\g<0> '),
];
const PARENS_BRACKETS = step('[\\]\\[\\(\\)\\{\\}\\<\\>]', ' \\g<0> ');
const DOUBLE_DASHES = step('--', ' -- ');
const CONTRACTIONS: readonly Step[] = [
  step("(?i)\\b(can)(?#X)(not)\\b", ' \\1 \\2 ', '(?i)cannot'),
  step("(?i)\\b(d)(?#X)('ye)\\b", ' \\1 \\2 ', "(?i)d'ye"),
  step('(?i)\\b(gim)(?#X)(me)\\b', ' \\1 \\2 ', '(?i)gimme'),
  step('(?i)\\b(gon)(?#X)(na)\\b', ' \\1 \\2 ', '(?i)gonna'),
  step('(?i)\\b(got)(?#X)(ta)\\b', ' \\1 \\2 ', '(?i)gotta'),
  step('(?i)\\b(lem)(?#X)(me)\\b', ' \\1 \\2 ', '(?i)lemme'),
  step("(?i)\\b(more)(?#X)('n)\\b", ' \\1 \\2 ', "(?i)more'n"),
  step('(?i)\\b(wan)(?#X)(na)(?=\\s)', ' \\1 \\2 ', '(?i)wanna'),
  step("(?i) ('t)(?#X)(is)\\b", ' \\1 \\2 '),
  step("(?i) ('t)(?#X)(was)\\b", ' \\1 \\2 '),
];
const WHITESPACE_RUN = new RegExp(`${PYTHON_WHITESPACE_CLASS}+`);

function apply(text: string, steps: readonly Step[]): string {
  let current = text;
  for (const { regex, repl, required } of steps) {
    if (required) {
      required.lastIndex = 0;
      if (!required.test(current)) continue;
    }
    current = pythonSub(regex, current, repl);
  }
  return current;
}

/**
 * NLTK 3.8's `NLTKWordTokenizer().tokenize(sentence)` (the improved Treebank tokenizer that
 * `nltk.word_tokenize` runs on each punkt sentence): quotes become ``` `` ``` and `''`, punctuation,
 * brackets and `--` are split off, a sentence-final period too, clitics (`'s`, `n't`, `'ll`) and
 * `cannot`-style contractions are split; the result is split on Python whitespace.
 */
export function nltkWordTokenize(sentence: string): string[] {
  let text = apply(sentence, STARTING_QUOTES);
  text = apply(text, PUNCTUATION);
  text = apply(text, [PARENS_BRACKETS, DOUBLE_DASHES]);
  text = apply(` ${text} `, ENDING_QUOTES);
  text = apply(text, CONTRACTIONS);
  return text.split(WHITESPACE_RUN).filter((token) => token !== '');
}
