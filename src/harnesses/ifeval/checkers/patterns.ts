import { compilePythonPattern, PythonRegex } from '../../../core/python/python-regex.js';
import { InstructionArgumentError } from './instruction-args.js';

/**
 * A regex the reference builds from a kwarg (keywords and markers are regexes there), compiled
 * with Python's semantics: a `RegExp` whose `test` is `re.search`. A pattern Python rejects, or
 * one the Python regex port cannot run exactly, is an InstructionArgumentError naming the kwarg.
 */
export function kwargSearchPattern(name: string, pattern: string): RegExp {
  return compiled(name, pattern, compilePythonPattern);
}

/** As `kwargSearchPattern`, compiled for `re.findall` and `re.split`. */
export function kwargFindallPattern(name: string, pattern: string): PythonRegex {
  return compiled(name, pattern, (source) => new PythonRegex(source));
}

function compiled<T>(name: string, pattern: string, compile: (pattern: string) => T): T {
  try {
    return compile(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InstructionArgumentError(`kwargs.${name} gives the regex ${JSON.stringify(pattern)}, which cannot be run with Python's semantics: ${reason}`, `escape regex syntax in "${name}"`);
  }
}

/** `len(re.findall(...))` for a global regex that cannot match the empty string. */
export function countNonEmptyMatches(regex: RegExp, text: string): number {
  regex.lastIndex = 0;
  let count = 0;
  while (regex.exec(text) !== null) count++;
  return count;
}

/** The texts of every match of a global regex that cannot match the empty string, in order. */
export function nonEmptyMatches(regex: RegExp, text: string): string[] {
  return text.match(regex) ?? [];
}

/**
 * `re.split(pattern, text)` for a global regex without groups that cannot match the empty string:
 * the pieces between matches (a match at either end leaves an empty piece there).
 */
export function splitNonEmpty(regex: RegExp, text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    pieces.push(text.slice(last, match.index));
    last = match.index + match[0].length;
  }
  pieces.push(text.slice(last));
  return pieces;
}
