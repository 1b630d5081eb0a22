import type { ExactMatchOptions } from './exact-match.js';
import type { RegexFilterPipeline } from './regex-exact-match-scorer.js';

/**
 * The `exact_match` settings shared by every lm-eval GSM8K YAML: commas, `$`, everything up to the
 * last `#### `, and a final `.` are removed, case is ignored. A full worked answer as gold thus
 * reduces to its number.
 */
export const GSM8K_EXACT_MATCH: ExactMatchOptions = {
  regexesToIgnore: [',', '\\$', '(?s).*#### ', '\\.$'],
  ignoreCase: true,
  ignorePunctuation: false,
};

/** The `flexible-extract` filter shared by every lm-eval GSM8K YAML: the last number-like run. */
export const GSM8K_FLEXIBLE_EXTRACT: RegexFilterPipeline = {
  name: 'flexible-extract',
  regex: { regexPattern: '(-?[$0-9.,]{2,})|(-?[0-9]+)', groupSelect: -1 },
};
