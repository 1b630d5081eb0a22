/**
 * bigcode's `Task._stop_at_stop_token`: `text` up to (not including) the earliest occurrence of any
 * stop word, found by plain substring search; all of `text` when none occurs. The caller passes the
 * generation without its prompt, which may contain stop words itself.
 */
export function stopAtStopToken(text: string, stopWords: readonly string[]): string {
  let end = text.length;
  for (const stop of stopWords) {
    const at = text.indexOf(stop);
    if (at !== -1 && at < end) end = at;
  }
  return text.slice(0, end);
}
