/**
 * The MATH dataset's final-answer helpers, ported from lm-evaluation-harness
 * `lm_eval/tasks/hendrycks_math/utils.py` @ 4e7e0d47 (`last_boxed_only_string`, `remove_boxed`; the
 * Hendrycks et al. code lm-eval's `hendrycks_math` task uses to read the gold answer off a solution).
 */

const BOXED = '\\boxed';
const BOXED_SPACE = '\\boxed ';
const BOXED_BRACE = '\\boxed{';
const FBOX = '\\fbox';

/**
 * `last_boxed_only_string(string)`: the last `\boxed{…}` (or, without any `\boxed`, the last
 * `\fbox{…}`) with its braces, found by counting braces from the command to the `}` that brings the
 * count back to 0; null when there is no such command or the braces never close. As the reference,
 * if `\boxed ` (with a space) occurs anywhere, the result is instead `\boxed ` plus the text after
 * its last occurrence up to the first `$`.
 */
export function lastBoxedOnlyString(text: string): string | null {
  if (text.includes(BOXED_SPACE)) {
    const tail = text.split(BOXED_SPACE).at(-1) as string;
    return BOXED_SPACE + (tail.split('$')[0] as string);
  }
  let start = text.lastIndexOf(BOXED);
  if (start < 0) {
    start = text.lastIndexOf(FBOX);
    if (start < 0) return null;
  }
  let open = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') open++;
    if (text[i] === '}') {
      open--;
      if (open === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

/**
 * `remove_boxed(s)`: the content of `\boxed{…}` (or what follows `\boxed `, when `s` contains
 * `\boxed ` anywhere). Where the reference's asserts fail (`s` does not start with `\boxed{` and end
 * with `}`, e.g. an `\fbox{…}`), returns null.
 */
export function removeBoxed(boxed: string): string | null {
  if (boxed.includes(BOXED_SPACE)) return boxed.startsWith(BOXED_SPACE) ? boxed.slice(BOXED_SPACE.length) : null;
  if (!boxed.startsWith(BOXED_BRACE) || !boxed.endsWith('}')) return null;
  return boxed.slice(BOXED_BRACE.length, -1);
}
