import { compilePythonPattern } from '../../core/python/python-regex.js';

/** FastChat's `one_score_pattern` and `one_score_pattern_backup` (`common.py`), as Python patterns. */
export const ONE_SCORE_PATTERN = String.raw`\[\[(\d+\.?\d*)\]\]`;
export const ONE_SCORE_PATTERN_BACKUP = String.raw`\[(\d+\.?\d*)\]`;

const PATTERNS = [compilePythonPattern(ONE_SCORE_PATTERN), compilePythonPattern(ONE_SCORE_PATTERN_BACKUP)];

/** FastChat's rating for a reply it cannot read. */
export const NO_RATING = -1;

/** A judge reply's rating: the number, or -1 with `unparsable` set. */
export interface MtbenchRating {
  value: number;
  unparsable: boolean;
  /** The text the pattern captured (e.g. `8.5`), null when nothing was read. */
  text: string | null;
}

/**
 * Whether `text` (one or more Unicode digits, an optional `.`, more digits) is a Python number
 * literal `ast.literal_eval` accepts: ASCII digits only, and an integer without a dot must not have
 * a leading zero unless it is all zeros (`07` is a SyntaxError in Python 3, `07.5` and `00` are not).
 */
function isPythonNumberLiteral(text: string): boolean {
  if (!/^[0-9]+(\.[0-9]*)?$/.test(text)) return false;
  return text.includes('.') || !/^0+[1-9]/.test(text);
}

/**
 * FastChat single-answer grading's reading of a judge reply (`run_judge_single`): `re.search` for
 * `\[\[(\d+\.?\d*)\]\]`, else for `\[(\d+\.?\d*)\]` (which also catches a citation such as `[1]`),
 * and `ast.literal_eval` of the captured text: an int or a float, never clamped (`[[15]]` rates 15).
 * No match rates -1 (`unparsable`). `\d` is Python's: any Unicode decimal digit. Where
 * `literal_eval` would raise (`[[07]]`, non-ASCII digits) FastChat's judging crashes; here the reply
 * counts as unparsable, -1.
 */
export function readMtbenchRating(reply: string): MtbenchRating {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(reply);
    if (!match) continue;
    const text = match[1] as string;
    return isPythonNumberLiteral(text) ? { value: Number(text), unparsable: false, text } : { value: NO_RATING, unparsable: true, text: null };
  }
  return { value: NO_RATING, unparsable: true, text: null };
}
