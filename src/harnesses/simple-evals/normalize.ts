import { pythonStrip } from '../../core/python/python-strip.js';

/** Markdown/LaTeX wrappers removed from a response, each everywhere, in this order. */
const RESPONSE_WRAPPERS = ['**', '$\\boxed{', '}$', '\\$', '$\\text{', '$', '\\mathrm{', '\\{', '\\text', '\\(', '\\mathbf{', '{', '\\boxed'];

/**
 * simple-evals `normalize_response`: deletes each of `**`, `$\boxed{`, `}$`, `\$`, `$\text{`, `$`,
 * `\mathrm{`, `\{`, `\text`, `\(`, `\mathbf{`, `{`, `\boxed` in turn (literal, non-overlapping, left
 * to right, like `str.replace`). Closing `}` other than `}$` stay, so `\boxed{B}` becomes `B}`.
 */
export function normalizeResponse(response: string): string {
  return RESPONSE_WRAPPERS.reduce((text, wrapper) => text.replaceAll(wrapper, ''), response);
}

/** Arabic, Bengali and full-width letters upstream maps to A–D, in its replacement order. */
const LETTER_EQUIVALENTS: readonly (readonly [string, string])[] = [
  ['\u0623', ' A'], // أ
  ['\u0628', ' B'], // ب
  ['\u062c', ' C'], // ج
  ['\u062f', ' D'], // د
  ['\u0985', ' A'], // অ
  ['\u09ac', ' B'], // ব
  ['\u09a1', ' C'], // ড
  ['\u09a2', ' D'], // ঢ
  ['\uff21', ' A'], // Ａ
  ['\uff22', ' B'], // Ｂ
  ['\uff23', ' C'], // Ｃ
  ['\uff24', ' D'], // Ｄ
];

/**
 * simple-evals `normalize_extracted_answer`: replaces each equivalent letter by a space plus its
 * Latin capital, then strips Python whitespace. It does not upper-case: a captured `b` stays `b`
 * and never equals the gold `B`.
 */
export function normalizeExtractedAnswer(extracted: string): string {
  return pythonStrip(LETTER_EQUIVALENTS.reduce((text, [letter, latin]) => text.replaceAll(letter, latin), extracted));
}
