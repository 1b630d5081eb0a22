/**
 * lm-eval's `take_first` filter: of a doc's responses (one per repeat) keep the first. A doc
 * always has at least one response; an empty list is a bug in the caller.
 */
export function takeFirst<T>(responses: readonly T[]): T {
  if (responses.length === 0) throw new RangeError('take_first needs at least one response');
  return responses[0] as T;
}
