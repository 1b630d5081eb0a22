import { translatePythonRegex } from '../../../core/python/python-regex-translator.js';

/**
 * A Python `re` pattern compiled for `re.finditer` / `re.sub` over a whole string, translated by
 * `translatePythonRegex`. Only for patterns that cannot match the empty string: JS and Python
 * agree on where a search resumes after a match that is not empty, and differ after an empty one.
 */
export function compileNonEmptyPattern(pattern: string): RegExp {
  const { source, flags } = translatePythonRegex(pattern);
  return new RegExp(source, `${flags}g`);
}

/**
 * A Python `re` pattern compiled for `pattern.match(text)` (a match at the start of the text),
 * translated by `translatePythonRegex`; run it with `matchAtStart`.
 */
export function compileAnchoredPattern(pattern: string): RegExp {
  const { source, flags } = translatePythonRegex(pattern);
  return new RegExp(source, `${flags}y`);
}

/** `re.match(pattern, text)` for a regex from `compileAnchoredPattern`: the match at 0 or null. */
export function matchAtStart(regex: RegExp, text: string): RegExpExecArray | null {
  regex.lastIndex = 0;
  return regex.exec(text);
}

/**
 * `re.sub(pattern, repl, text)` for a regex from `compileNonEmptyPattern`, where `repl` receives
 * the whole match and the groups (a group that took no part is `""`, as `\1` gives in Python 3.5+).
 */
export function pythonSub(regex: RegExp, text: string, repl: (match: string, groups: string[]) => string): string {
  return text.replace(regex, (match: string, ...rest: unknown[]) => {
    const groups: string[] = [];
    for (const value of rest) {
      if (typeof value === 'number') break;
      groups.push(typeof value === 'string' ? value : '');
    }
    return repl(match, groups);
  });
}
