import { PythonRegex } from '../../core/python/python-regex.js';

export interface ExactMatchOptions {
  /** Python patterns, byte for byte as in the task YAML, removed in list order with `re.sub`. */
  regexesToIgnore?: readonly string[];
  ignoreCase?: boolean;
  ignorePunctuation?: boolean;
}

/** Python's `string.punctuation`. */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * lm-eval's `exact_match` metric (HF `evaluate`'s exact_match) for one prediction and reference,
 * returning 1 or 0. Both strings go through the same steps: each ignore-regex in order is removed
 * with `re.sub(rx, "", s)`; then lower-cased if `ignoreCase`; then every `string.punctuation`
 * character is deleted if `ignorePunctuation`; then they are compared for equality.
 * lm-eval holds the strings in NumPy unicode arrays between steps, which silently drops trailing
 * NUL characters; that is reproduced after every step.
 */
export function exactMatch(options: ExactMatchOptions = {}): (prediction: string, reference: string) => number {
  const ignored = (options.regexesToIgnore ?? []).map((pattern) => new PythonRegex(pattern));

  function normalize(s: string): string {
    let text = ignored.length === 0 ? dropTrailingNul(s) : s;
    for (const regex of ignored) text = dropTrailingNul(regex.sub(text, ''));
    if (options.ignoreCase) text = text.toLowerCase();
    if (options.ignorePunctuation) text = dropTrailingNul(text.replace(PUNCTUATION, ''));
    return text;
  }

  return (prediction, reference) => (normalize(prediction) === normalize(reference) ? 1 : 0);
}

function dropTrailingNul(s: string): string {
  return s.replace(/\0+$/, '');
}
