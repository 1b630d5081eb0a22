import { translatePythonRegex } from './python-regex-translator.js';

/**
 * `re.compile(pattern)` as a JS RegExp (flags `u`, or `iu` for `(?i)`, never `g`) whose `exec` and
 * `test` are `re.search`: the first match, with Python's groups at the same indices (`index`
 * counts UTF-16 code units, Python counts code points). The pattern is translated as
 * `translatePythonRegex` describes; one it cannot reproduce exactly throws a SyntaxError.
 */
export function compilePythonPattern(pattern: string): RegExp {
  const { source, flags } = translatePythonRegex(pattern);
  return new RegExp(source, flags);
}

/** One match: where it starts, its text and each group's text (undefined when not taking part). */
interface PythonMatch {
  index: number;
  text: string;
  captures: (string | undefined)[];
}

/**
 * A Python `re` pattern compiled once for `re.findall` and `re.sub` with Python's semantics,
 * including Python 3.7+'s rule for empty matches: after an empty match, the next match may start
 * at the same position only if it is not empty. Translated as `translatePythonRegex` describes.
 */
export class PythonRegex {
  /** Number of capturing groups, as `re.compile(pattern).groups`. */
  readonly groups: number;
  private readonly search: RegExp;
  /**
   * The pattern anchored at `lastIndex` and refusing to end where it started: the lookahead
   * captures the rest of the text as group 1, and the match fails when the text after it is still
   * all of that rest. Python's own groups follow as groups 2 and up.
   */
  private readonly nonEmptyAt: RegExp;

  constructor(readonly pattern: string) {
    const { source, flags, groups } = translatePythonRegex(pattern);
    this.groups = groups;
    this.search = new RegExp(source, `${flags}g`);
    this.nonEmptyAt = new RegExp(`(?=([\\s\\S]*))(?:${source})(?!\\1(?![\\s\\S]))`, `${flags}y`);
  }

  /**
   * `re.findall(pattern, text)`: with no group each match's text, with one group that group's
   * text, with several a tuple (array) of every group; a group that did not take part gives `""`.
   */
  findall(text: string): (string | string[])[] {
    const found: (string | string[])[] = [];
    for (const match of this.matches(text)) {
      if (this.groups === 0) found.push(match.text);
      else if (this.groups === 1) found.push(match.captures[0] ?? '');
      else found.push(match.captures.map((capture) => capture ?? ''));
    }
    return found;
  }

  /**
   * `re.sub(pattern, replacement, text)` for a literal replacement. Python would expand escapes
   * and group references in the replacement, so a replacement with a backslash is rejected.
   */
  sub(text: string, replacement: string): string {
    if (replacement.includes('\\')) throw new SyntaxError(`PythonRegex.sub takes a literal replacement without "\\", got ${JSON.stringify(replacement)}`);
    let result = '';
    let last = 0;
    for (const match of this.matches(text)) {
      result += text.slice(last, match.index) + replacement;
      last = match.index + match.text.length;
    }
    return result + text.slice(last);
  }

  private *matches(text: string): Generator<PythonMatch> {
    let pos = 0;
    let afterEmpty = false;
    while (pos <= text.length) {
      let match: PythonMatch | undefined;
      if (afterEmpty) {
        match = this.exec(this.nonEmptyAt, text, pos, 2);
        if (!match) {
          pos += codeUnitsAt(text, pos);
          if (pos > text.length) return;
        }
      }
      match ??= this.exec(this.search, text, pos, 1);
      if (!match) return;
      yield match;
      afterEmpty = match.text.length === 0;
      pos = match.index + match.text.length;
    }
  }

  /** Runs `regex` from `pos`; Python's groups start at index `firstGroup` of its result. */
  private exec(regex: RegExp, text: string, pos: number, firstGroup: number): PythonMatch | undefined {
    regex.lastIndex = pos;
    const match = regex.exec(text);
    if (!match) return undefined;
    return { index: match.index, text: match[0], captures: match.slice(firstGroup, firstGroup + this.groups) };
  }
}

/** 2 at the start of a surrogate pair, else 1 (also past the end, so searches still advance). */
function codeUnitsAt(text: string, index: number): number {
  const code = text.codePointAt(index);
  return code !== undefined && code > 0xffff ? 2 : 1;
}
