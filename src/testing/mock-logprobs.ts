import { pythonLen } from '../core/python/python-len.js';

/**
 * Log-probabilities for the mock's completions replies, in the legacy OpenAI / vLLM `logprobs`
 * shape (`tokens`, `token_logprobs`, `top_logprobs`, `text_offset`), so log-likelihood scoring can
 * be tested against a real HTTP server.
 */

/** Scores `token` (with its leading whitespace) given everything before it in the text. */
export type MockTokenLogprob = (prefix: string, token: string) => number;

/** The legacy completions `logprobs` object of one choice. */
export interface CompletionLogprobs {
  tokens: string[];
  /** `null` for the first token of an echoed prompt, which nothing predicts. */
  token_logprobs: Array<number | null>;
  top_logprobs: Array<Record<string, number> | null>;
  /** Each token's start, in code points from the start of the choice's text. */
  text_offset: number[];
}

/** The alternative every top-1 list holds when the token itself is not the most likely: ln ½. */
const ALTERNATIVE = { token: '<|mock-alternative|>', logprob: Math.log(0.5) };

/**
 * The mock's tokenizer: each token is a run of whitespace (possibly empty) and the run of
 * non-whitespace after it, so `"Answer: A"` is `["Answer:", " A"]`; trailing whitespace is a token
 * of its own.
 */
export function mockTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

/**
 * A fixed default scorer: −1 per token, so longer texts are less likely and every token is the
 * most likely one (see `completionLogprobs`).
 */
export const defaultTokenLogprob: MockTokenLogprob = () => -1;

/**
 * Logprobs of a choice's text: the prompt's tokens when `echo` is on, then the generated reply's.
 * Each token is scored given all text before it (prompt included). The first prompt token's
 * logprob and top list are `null` (nothing predicts it); a top-1 list holds the token itself and,
 * when its logprob is below ln ½, an alternative at ln ½, so a token is the model's greedy choice
 * exactly when its logprob ≥ ln ½.
 */
export function completionLogprobs(prompt: string, generated: string, echo: boolean, score: MockTokenLogprob): CompletionLogprobs {
  const out: CompletionLogprobs = { tokens: [], token_logprobs: [], top_logprobs: [], text_offset: [] };
  let prefix = echo ? '' : prompt;
  let offset = 0;
  const add = (token: string, first: boolean) => {
    const logprob = first ? null : score(prefix, token);
    out.tokens.push(token);
    out.token_logprobs.push(logprob);
    out.top_logprobs.push(logprob === null ? null : topList(token, logprob));
    out.text_offset.push(offset);
    prefix += token;
    offset += pythonLen(token);
  };
  if (echo) mockTokens(prompt).forEach((token, i) => add(token, i === 0));
  for (const token of mockTokens(generated)) add(token, false);
  return out;
}

function topList(token: string, logprob: number): Record<string, number> {
  return logprob >= ALTERNATIVE.logprob ? { [token]: logprob } : { [token]: logprob, [ALTERNATIVE.token]: ALTERNATIVE.logprob };
}
