import { compileNonEmptyPattern } from './python-pattern.js';

// nltk.tokenize.RegexpTokenizer(r"\w+") compiles with re.UNICODE | re.MULTILINE | re.DOTALL;
// none of those flags changes what `\w+` matches.
const WORD = compileNonEmptyPattern('\\w+');

/**
 * The reference's `instructions_util.count_words`: the number of `\w+` runs in the text, with
 * Python's Unicode `\w` (letters, numbers and `_`), as `nltk.tokenize.RegexpTokenizer(r"\w+")`
 * finds them. Punctuation splits words: "don't" and "e-mail" are two words each.
 */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let count = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}
