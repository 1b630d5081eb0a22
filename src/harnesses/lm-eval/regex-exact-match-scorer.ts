import type { SampleScore } from '../../core/task.js';
import { exactMatch } from './exact-match.js';
import type { ExactMatchOptions } from './exact-match.js';
import { regexFilter } from './regex-filter.js';
import type { RegexFilterOptions } from './regex-filter.js';
import { cutAtStopSequences } from './stop-sequences.js';
import { takeFirst } from './take-first.js';

/** A `filter_list` entry of the form `[regex, take_first]`. */
export interface RegexFilterPipeline {
  name: string;
  regex: RegexFilterOptions;
}

export interface RegexExactMatchScoring {
  /** The stop list sent with the request; the response is cut at it first (see `cutAtStopSequences`). */
  stop: readonly string[];
  filters: readonly RegexFilterPipeline[];
  exactMatch: ExactMatchOptions;
}

/**
 * Scores one generation as lm-eval does for a `generate_until` task whose metric is `exact_match`
 * and whose filters are `regex` then `take_first`: each filter extracts its answer from the
 * response, and `exact_match` compares that answer with the doc's target. The result holds, per
 * filter, `extracted[<filter>]` and `scores["exact_match,<filter>"]` (lm-eval's result keys).
 */
export function regexExactMatchScorer(scoring: RegexExactMatchScoring): (response: string, target: string) => SampleScore {
  const filters = scoring.filters.map(({ name, regex }) => ({ name, apply: regexFilter(regex) }));
  const metric = exactMatch(scoring.exactMatch);
  return (response, target) => {
    const text = cutAtStopSequences(response, scoring.stop);
    const result: SampleScore = { extracted: {}, scores: {} };
    for (const filter of filters) {
      const answer = takeFirst(filter.apply([text]));
      result.extracted[filter.name] = answer;
      result.scores[`exact_match,${filter.name}`] = metric(answer, target);
    }
    return result;
  };
}
