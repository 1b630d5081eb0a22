import { PythonRegex } from '../../core/python/python-regex.js';
import { pythonStrip } from '../../core/python/python-strip.js';

export interface RegexFilterOptions {
  /** The Python pattern, byte for byte as in the task YAML. Default: lm-eval's `#### (\-?[0-9\.\,]+)`. */
  regexPattern?: string;
  /** Index into the list of matches (Python indexing: 0 first, -1 last), not a group number. Default 0. */
  groupSelect?: number;
  /** What a response without any match becomes. Default `[invalid]`. */
  fallback?: string;
}

/**
 * lm-eval's `regex` filter, applied to one doc's responses. For each response (a non-string counts
 * as `""`): take `re.findall(pattern, response)`; no match gives `fallback`; otherwise pick the
 * match at `groupSelect`; when the pattern has several groups that match is a tuple and gives its
 * first non-empty group (`fallback` if all are empty); the result is `.strip()`ped. A `groupSelect`
 * outside the list of matches throws, as Python's IndexError does.
 */
export function regexFilter(options: RegexFilterOptions = {}): (responses: readonly unknown[]) => string[] {
  const regex = new PythonRegex(options.regexPattern ?? '#### (\\-?[0-9\\.\\,]+)');
  const groupSelect = options.groupSelect ?? 0;
  const fallback = options.fallback ?? '[invalid]';

  function extract(response: unknown): string {
    const matches = regex.findall(typeof response === 'string' ? response : '');
    if (matches.length === 0) return fallback;
    const selected = matches.at(groupSelect);
    if (selected === undefined) throw new RangeError(`group_select ${groupSelect} is outside the ${matches.length} matches of ${regex.pattern}`);
    const text = typeof selected === 'string' ? selected : (selected.find((group) => group !== '') ?? fallback);
    return pythonStrip(text);
  }

  return (responses) => responses.map(extract);
}
