import { PythonRegex } from '../../core/python/python-regex.js';
import { pythonStrip } from '../../core/python/python-strip.js';

export interface MultiChoiceRegexFilterOptions {
  /** The Python pattern, byte for byte as in the task YAML. */
  regexPattern: string;
  /** Index into the list of matches (Python indexing: 0 first, -1 last), for every stage. Default 0. */
  groupSelect?: number;
  /** What a response none of the stages matches becomes. Default `[invalid]`. */
  fallback?: string;
  /** Lower-case choices and response before the choice-text stage. */
  ignoreCase?: boolean;
  /** Delete Unicode punctuation (general category P*) from choices and response before the choice-text stage. */
  ignorePunctuation?: boolean;
}

/** Python 3.7+ `re.escape`: a backslash before each of `()[]{}?*+-|^$\.&~#`, space, tab, LF, CR, VT and FF. */
function pythonReEscape(text: string): string {
  return text.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (c) => `\\${c}`);
}

/**
 * One stage's `find_match`: `findall`; no match gives `""`; else the match at `groupSelect`
 * (a tuple gives its first non-empty group, or `""`), `.strip()`ped, then, when not empty,
 * replaced by `convert[match]` if it has an entry. A `groupSelect` outside the matches throws, as Python's
 * IndexError does.
 */
function findMatch(regex: PythonRegex, text: string, groupSelect: number, convert: ReadonlyMap<string, string>): string {
  const matches = regex.findall(text);
  if (matches.length === 0) return '';
  const selected = matches.at(groupSelect);
  if (selected === undefined) throw new RangeError(`group_select ${groupSelect} is outside the ${matches.length} matches of ${regex.pattern}`);
  const match = pythonStrip(typeof selected === 'string' ? selected : (selected.find((group) => group !== '') ?? ''));
  if (match === '') return match;
  return convert.get(match) ?? match;
}

const PUNCTUATION = /\p{P}/gu;

/**
 * lm-eval's `multi_choice_regex` filter (`MultiChoiceRegexFilter`, filters/extraction.py) for one
 * doc's responses, given the doc's `choices` (labelled (A), (B), ... in order). Each response (a
 * non-string counts as `""`) goes through three stages, the first non-empty result winning:
 * 1. `regexPattern` on the response;
 * 2. the choice texts: each choice `.strip()`ped, lower-cased (`ignoreCase`) and stripped of
 *    punctuation (`ignorePunctuation`), `re.escape`d and joined with `|`, searched in the response
 *    treated the same way; a match that is such a choice becomes its label `(X)` (when two choices
 *    treat to the same text, the later label), any other match is kept as it is;
 * 3. `:[\s]*(A|B|...)` on the raw response, the letter becoming `(X)`;
 * and `fallback` when all three come back empty. Every stage takes the match at `groupSelect`.
 * Lower-casing is JS `toLowerCase` and punctuation `\p{P}`, which agree with Python's `str.lower`
 * and `unicodedata` except where their Unicode versions differ.
 */
export function multiChoiceRegexFilter(options: MultiChoiceRegexFilterOptions): (responses: readonly unknown[], choices: readonly string[]) => string[] {
  const regex = new PythonRegex(options.regexPattern);
  const groupSelect = options.groupSelect ?? 0;
  const fallback = options.fallback ?? '[invalid]';
  const noConversion: ReadonlyMap<string, string> = new Map();

  function filterIgnores(text: string): string {
    let result = text;
    if (options.ignoreCase) result = result.toLowerCase();
    if (options.ignorePunctuation) result = result.replace(PUNCTUATION, '');
    return result;
  }

  return (responses, choices) => {
    const choiceToLabel = new Map<string, string>();
    const letterToLabel = new Map<string, string>();
    const escaped: string[] = [];
    const letters: string[] = [];
    for (const [i, choice] of choices.entries()) {
      const letter = String.fromCharCode(65 + i);
      const treated = filterIgnores(pythonStrip(choice));
      escaped.push(pythonReEscape(treated));
      choiceToLabel.set(treated, `(${letter})`);
      letters.push(letter);
      letterToLabel.set(letter, `(${letter})`);
    }
    const choiceRegex = new PythonRegex(escaped.join('|'));
    const letterRegex = new PythonRegex(`:[\\s]*(${letters.join('|')})`);

    return responses.map((response) => {
      const text = typeof response === 'string' ? response : '';
      return (
        findMatch(regex, text, groupSelect, noConversion) ||
        findMatch(choiceRegex, filterIgnores(text), groupSelect, choiceToLabel) ||
        findMatch(letterRegex, text, groupSelect, letterToLabel) ||
        fallback
      );
    });
  };
}
