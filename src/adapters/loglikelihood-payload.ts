import { pythonLen } from '../core/python/python-len.js';
import { PYTHON_WHITESPACE_CLASS } from '../core/python/python-whitespace.js';
import type { Loglikelihood, LoglikelihoodRequest } from '../core/task.js';
import { MalformedReplyError } from './openai-payload.js';

/** lm-evaluation-harness's seed for API log-likelihood requests (`openai_completions.py`). */
const LOGLIKELIHOOD_SEED = 1234;

/**
 * The `/v1/completions` body that scores every request of one doc in a single call: the prompts
 * are `context + continuation`, echoed back with the log-probability of each of their tokens
 * (`echo: true, logprobs: 1`) and nothing generated (`max_tokens: 0`, the convention vLLM
 * implements). Temperature 0 and seed 1234 as lm-evaluation-harness sends them.
 */
export function buildLoglikelihoodBody(model: string, requests: readonly LoglikelihoodRequest[], seed = LOGLIKELIHOOD_SEED): Record<string, unknown> {
  return {
    model,
    prompt: requests.map((r) => r.context + r.continuation),
    max_tokens: 0,
    echo: true,
    logprobs: 1,
    temperature: 0,
    seed,
  };
}

const TRAILING_WHITESPACE = new RegExp(`${PYTHON_WHITESPACE_CLASS}+$`, 'u');

/**
 * Where the continuation starts in `context + continuation`, in code points (Python's `len`, the
 * unit servers measure token texts in). As lm-evaluation-harness (`_encode_pair`), the context's
 * trailing whitespace counts as part of the continuation: context `"Answer: "` with continuation
 * `"(A)"` scores `" (A)"`.
 */
function continuationStart(context: string): number {
  return pythonLen(context.replace(TRAILING_WHITESPACE, ''));
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What to do when an endpoint does not score prompts. */
export const NO_LOGPROBS_FIX =
  'log-likelihood tasks need a completions endpoint that returns prompt log-probabilities for `echo: true, logprobs: 1, max_tokens: 0` (vLLM serves them); run a generative variant of the task against an endpoint without them';

/** A well-formed reply that lacks the prompt log-probabilities: the endpoint cannot serve log-likelihood tasks. */
export class LogprobsMissingError extends MalformedReplyError {}

/**
 * The Loglikelihood of each request from the reply to `buildLoglikelihoodBody`, given its body
 * already parsed (the pipeline's memoized parse; `undefined` when the body is not JSON). Choice `i` (by its
 * `index`, else its position) answers request `i`. The continuation's tokens are found from the end
 * of the echoed prompt, by the lengths of the token texts (code points, as Python's `len`): tokens
 * after the prompt (a server that generated some anyway: `text` longer than the prompt) are
 * skipped, then tokens are taken until they cover the continuation (with the context's trailing
 * whitespace, as lm-eval moves it), so a token straddling the context/continuation boundary counts
 * for the continuation. Counting from the end keeps this right when the server's `text_offset`s
 * start at a BOS token the echoed text does not show, or drift where a token's text is not its
 * share of the prompt. `logprob` is the tokens' summed `token_logprobs`; `isGreedy` holds when each
 * equals the best of its `top_logprobs` (as lm-evaluation-harness compares them). Throws
 * MalformedReplyError naming the missing field.
 */
export function parseLoglikelihoodReply(json: unknown, body: string, requests: readonly LoglikelihoodRequest[]): Loglikelihood[] {
  if (json === undefined) throw new MalformedReplyError(`reply is not JSON: ${body.slice(0, 120)}`);
  const choices = isObject(json) && Array.isArray(json.choices) ? json.choices : undefined;
  if (!choices || choices.length !== requests.length) {
    throw new MalformedReplyError(`reply has ${choices?.length ?? 'no'} choices for ${requests.length} prompts`);
  }
  const byIndex: Json[] = [];
  choices.forEach((choice, position) => {
    if (!isObject(choice)) throw new MalformedReplyError(`choices[${position}] is not an object`);
    const index = typeof choice.index === 'number' ? choice.index : position;
    byIndex[index] = choice;
  });
  return requests.map((request, i) => {
    const choice = byIndex[i];
    if (!choice) throw new MalformedReplyError(`reply has no choice with index ${i}`);
    return scoreChoice(choice, i, request);
  });
}

function scoreChoice(choice: Json, i: number, request: LoglikelihoodRequest): Loglikelihood {
  const logprobs = choice.logprobs;
  if (!isObject(logprobs) || !Array.isArray(logprobs.token_logprobs) || !Array.isArray(logprobs.tokens)) {
    throw new LogprobsMissingError(`choices[${i}].logprobs has no tokens and token_logprobs`);
  }
  const tokens = logprobs.tokens as unknown[];
  const values = logprobs.token_logprobs as unknown[];
  const tops = Array.isArray(logprobs.top_logprobs) ? (logprobs.top_logprobs as unknown[]) : [];
  const prompt = pythonLen(request.context) + pythonLen(request.continuation);
  const continuation = prompt - continuationStart(request.context);
  // Without the prompt echoed, the last tokens would be generated ones: never score those.
  const echoed = typeof choice.text === 'string' ? pythonLen(choice.text) : tokens.reduce<number>((sum, token) => sum + pythonLen(String(token)), 0);
  if (echoed < prompt) {
    throw new LogprobsMissingError(`choices[${i}] does not echo the prompt (${echoed} of its ${prompt} characters came back; is \`echo\` honoured?)`);
  }
  let generated = typeof choice.text === 'string' ? echoed - prompt : 0;
  let t = tokens.length - 1;
  for (; t >= 0 && generated > 0; t--) generated -= pythonLen(String(tokens[t]));
  let logprob = 0;
  let isGreedy = true;
  let covered = 0;
  for (; t >= 0 && covered < continuation; t--) {
    const value = values[t];
    if (typeof value !== 'number') {
      throw new LogprobsMissingError(`choices[${i}].logprobs.token_logprobs[${t}] is ${JSON.stringify(value)}, not a number, for a continuation token`);
    }
    logprob += value;
    covered += pythonLen(String(tokens[t]));
    const top = tops[t];
    if (!isObject(top) || value !== Math.max(...(Object.values(top) as number[]))) isGreedy = false;
  }
  if (covered === 0) {
    throw new LogprobsMissingError(`choices[${i}] echoes no token of the continuation ${JSON.stringify(request.continuation)} (is \`echo\` honoured?)`);
  }
  return { logprob, isGreedy };
}
