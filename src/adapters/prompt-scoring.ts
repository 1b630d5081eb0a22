/**
 * Whether a request asks the endpoint to score its prompt rather than answer it: a completions
 * request with `echo: true` (log-likelihood scoring, as evalforge and lm-evaluation-harness send
 * it). Its reply echoes the prompt, generates nothing or one token, and ends with
 * `finish_reason: "length"` by design, so reply checks meant for generated answers (cut off,
 * empty, reasoning) do not apply to it.
 */
export function isPromptScoringRequest(body: Record<string, unknown>): boolean {
  return body.echo === true;
}
