import { pythonStrip } from '../../core/python/python-strip.js';

/**
 * The eight texts loose scoring tries, in the reference's order (`evaluation_lib.
 * test_instruction_following_loose`): the response; it without `*`; without its first line;
 * without its last line; without both; and those three without `*`. Lines are split at `\n`
 * only, and each shortened text is `str.strip()`ped.
 */
export function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const withoutFirst = pythonStrip(lines.slice(1).join('\n'));
  const withoutLast = pythonStrip(lines.slice(0, -1).join('\n'));
  const withoutBoth = pythonStrip(lines.slice(1, -1).join('\n'));
  return [
    response,
    withoutStars(response),
    withoutFirst,
    withoutLast,
    withoutBoth,
    withoutStars(withoutFirst),
    withoutStars(withoutLast),
    withoutStars(withoutBoth),
  ];
}

function withoutStars(text: string): string {
  return text.replaceAll('*', '');
}
