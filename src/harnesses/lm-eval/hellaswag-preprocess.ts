import { PythonRegex } from '../../core/python/python-regex.js';
import { pythonStrip } from '../../core/python/python-strip.js';
import { pythonCapitalize } from './hellaswag-capitalize.js';

/** lm-eval's `re.sub("\\[.*?\\]", "", text)`: a bracketed span on one line (`.` stops only at `\n`). */
const BRACKETED = new PythonRegex('\\[.*?\\]');

/**
 * lm-eval hellaswag `utils.preprocess`, in its order: `strip()` (Python whitespace), every
 * `" [title]"` → `". "`, every `[...]` on one line removed (lazy, so `[a] b [c]` loses both), then
 * every `"  "` → `" "` in one left-to-right pass (four spaces become two).
 */
export function hellaswagPreprocess(text: string): string {
  return BRACKETED.sub(pythonStrip(text).replaceAll(' [title]', '. '), '').replaceAll('  ', ' ');
}

/**
 * lm-eval hellaswag `process_docs`'s `query`: `preprocess(activity_label + ": " + ctx_a + " " +
 * ctx_b.capitalize())`, where `capitalize` is Python's (first character title case, the rest
 * lower case).
 */
export function hellaswagQuery(activityLabel: string, ctxA: string, ctxB: string): string {
  return hellaswagPreprocess(`${activityLabel}: ${ctxA} ${pythonCapitalize(ctxB)}`);
}
