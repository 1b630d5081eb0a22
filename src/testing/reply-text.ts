/** Why generation ended, as OpenAI reports it in `finish_reason`. */
export type FinishReason = 'stop' | 'length';

export interface ShapedReply {
  text: string;
  finishReason: FinishReason;
}

/** Whitespace token count: the number of maximal runs of non-whitespace characters (JS `\S`). */
export function countTokens(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * Cuts `text` before the earliest occurrence of any non-empty stop string, dropping the stop string
 * itself (vLLM's default, `include_stop_str_in_output: false`). Returns `text` when none occurs.
 */
export function cutAtStop(text: string, stop: readonly string[]): string {
  let end = text.length;
  for (const s of stop) {
    if (s === '') continue;
    const at = text.indexOf(s);
    if (at !== -1 && at < end) end = at;
  }
  return end === text.length ? text : text.slice(0, end);
}

/**
 * What a model limited by `stop` and `maxTokens` would have returned for `reply`: first cut at the
 * earliest stop string, then keep at most `maxTokens` whitespace tokens (ending right after the last
 * kept token, so trailing whitespace goes). `finishReason` is `length` only when tokens were dropped;
 * a stop string that occurs within the first `maxTokens` tokens thus wins, as it would in generation.
 * `maxTokens` 0 generates nothing and reports `length`, as vLLM does for prompt-only scoring.
 */
export function shapeReply(reply: string, stop: readonly string[], maxTokens: number | undefined): ShapedReply {
  if (maxTokens === 0) return { text: '', finishReason: 'length' };
  const text = stop.length > 0 ? cutAtStop(reply, stop) : reply;
  if (maxTokens === undefined) return { text, finishReason: 'stop' };
  const tokenRun = /\S+/g;
  let end = 0;
  for (let kept = 0; kept < maxTokens; kept++) {
    const match = tokenRun.exec(text);
    if (match === null) return { text, finishReason: 'stop' };
    end = tokenRun.lastIndex;
  }
  return /\S/.test(text.slice(end)) ? { text: text.slice(0, end), finishReason: 'length' } : { text, finishReason: 'stop' };
}
