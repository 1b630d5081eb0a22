/** Python's `len` of a `str`: code points, not UTF-16 units (an emoji counts 1, not 2). */
export function pythonLen(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
