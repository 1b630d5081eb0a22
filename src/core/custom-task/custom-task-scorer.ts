import { exactMatch } from '../../harnesses/lm-eval/exact-match.js';
import { PythonRegex } from '../python/python-regex.js';
import { pythonStrip } from '../python/python-strip.js';
import { regexFilter } from '../../harnesses/lm-eval/regex-filter.js';
import { cutAtStopSequences } from '../../harnesses/lm-eval/stop-sequences.js';
import type { SampleScore } from '../task.js';
import { customTaskError } from './custom-task-errors.js';
import type { CustomTaskFile } from './custom-task-schema.js';

/** The key a custom task records its answer under in samples.jsonl's `extracted`. */
export const CUSTOM_ANSWER_KEY = 'answer';

type Metric = NonNullable<CustomTaskFile['metric']>;

/**
 * The scorer a custom task file describes, as `(response, target) => SampleScore`; it never throws.
 * 1. The response is cut at each stop sequence in list order (lm-eval does the same, so a server
 *    that ignores `stop` scores as one that honours it).
 * 2. The answer is, without `extraction`, the text with Python `strip()` applied; with it, lm-eval's
 *    regex filter: `re.findall`, the match at `group_select` (0 first, -1 last), the first non-empty
 *    group of a multi-group match, stripped; `fallback` (default `[invalid]`) when nothing matches.
 *    Where lm-eval would crash on a `group_select` beyond the matches, the answer is `fallback`.
 * 3. `exact_match` is lm-eval's (`regexes_to_ignore` removed in order, then `ignore_case`, then
 *    `ignore_punctuation`, then equality); `contains` is 1 when the target occurs in the answer
 *    (both lower-cased first with `ignore_case`; an empty target is in every answer).
 * The score is recorded under the metric type, the answer under `answer`.
 * Invalid Python patterns are ConfigErrors naming `taskFile` and the field.
 */
export function customTaskScorer(spec: Pick<CustomTaskFile, 'stop' | 'extraction' | 'metric'>, taskFile: string): (response: string, target: string) => SampleScore {
  const stop = spec.stop ?? [];
  const extract = answerExtractor(spec.extraction, taskFile);
  const metric: Metric = spec.metric ?? { type: 'exact_match' };
  const compare = comparator(metric, taskFile);
  return (response, target) => {
    const answer = extract(cutAtStopSequences(response, stop));
    return { extracted: { [CUSTOM_ANSWER_KEY]: answer }, scores: { [metric.type]: compare(answer, target) } };
  };
}

function answerExtractor(extraction: CustomTaskFile['extraction'], taskFile: string): (text: string) => string {
  if (!extraction) return pythonStrip;
  checkPattern(extraction.regex, 'extraction.regex', taskFile);
  const fallback = extraction.fallback ?? '[invalid]';
  const filter = regexFilter({ regexPattern: extraction.regex, groupSelect: extraction.group_select ?? 0, fallback });
  return (text) => {
    try {
      return filter([text])[0] as string;
    } catch (error) {
      if (error instanceof RangeError) return fallback;
      throw error;
    }
  };
}

function comparator(metric: Metric, taskFile: string): (answer: string, target: string) => number {
  if (metric.type === 'contains') {
    const fold = metric.ignore_case ? (s: string) => s.toLowerCase() : (s: string) => s;
    return (answer, target) => (fold(answer).includes(fold(target)) ? 1 : 0);
  }
  const regexesToIgnore = metric.regexes_to_ignore ?? [];
  regexesToIgnore.forEach((pattern, i) => checkPattern(pattern, `metric.regexes_to_ignore[${i}]`, taskFile));
  return exactMatch({ regexesToIgnore, ignoreCase: metric.ignore_case ?? false, ignorePunctuation: metric.ignore_punctuation ?? false });
}

function checkPattern(pattern: string, field: string, taskFile: string): void {
  try {
    new PythonRegex(pattern);
  } catch (error) {
    throw customTaskError(taskFile, field, (error as Error).message);
  }
}
