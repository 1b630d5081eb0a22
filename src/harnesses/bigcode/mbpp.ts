import type { ModelPrompt, SampleScore, TaskDefinition } from '../../core/task.js';
import { afterFirstFence } from './after-first-fence.js';
import { codeEvalReport } from './code-eval-report.js';
import { candidateScore } from './code-sample.js';
import { createCodeVerifier } from './code-verifier.js';
import { mbppDocs, mbppPrompt, mbppReference, type MbppDoc } from './mbpp-data.js';
import { nSamples } from './n-samples.js';
import { bigcodeReference } from './reference.js';
import { stopAtStopToken } from './stop-at-stop-token.js';

/** bigcode `MBPP` stop words (verbatim). */
export const MBPP_STOP_WORDS: readonly string[] = ['\nclass', '\nassert', '\n"""', '\nprint', '\nif', '\n<|/', '\n```'];

/** bigcode `mbpp`'s `compute_code_eval` arguments (the defaults). */
const KS = [1, 10, 100] as const;
const TIMEOUT_SECONDS = 3;
const BIGCODE_TASK = 'mbpp';

/**
 * bigcode `mbpp` post-processing of a completions reply (the text after the prompt): cut at the
 * earliest stop word, prefixed with the prompt.
 */
export function mbppCandidate(completion: string, doc: MbppDoc): string {
  return mbppPrompt(doc) + stopAtStopToken(completion, MBPP_STOP_WORDS);
}

/**
 * `mbpp-chat`'s reading of a chat reply: the text after its first code fence (`afterFirstFence`),
 * cut at the earliest MBPP stop word (which includes the closing "\n```"), prefixed with the prompt
 * as for completions. NVIDIA's chat handling of bigcode `mbpp` is not public; upstream's
 * post-processing would drop the reply's first len(prompt) characters, which only makes sense for
 * a completion that echoes the prompt.
 */
export function mbppChatCandidate(reply: string, doc: MbppDoc): string {
  return mbppPrompt(doc) + stopAtStopToken(afterFirstFence(reply), MBPP_STOP_WORDS);
}

const mbppCommon = {
  harness: 'bigcode-evaluation-harness',
  version: '1.0',
  reference: bigcodeReference('bigcode_eval/tasks/mbpp.py'),
  docs: mbppDocs,
  target: mbppReference,
  samplesPerDoc: nSamples,
  createVerifier: (ctx) => createCodeVerifier<MbppDoc>(ctx, { timeoutSeconds: TIMEOUT_SECONDS, program: (candidate, doc) => `${candidate}\n${mbppReference(doc)}` }),
  report: (totals) => codeEvalReport(BIGCODE_TASK, totals, KS),
} satisfies Partial<TaskDefinition<MbppDoc>>;

const defaults = { task: BIGCODE_TASK, maxNewTokens: 2048, extra: { do_sample: true, n_samples: 10 } };

/**
 * NeMo's `mbpp-completions` (`bigcode-eval --model_type nim-base --task mbpp`): the docstring
 * prompt (description and first test) continued on a completions endpoint, `n_samples` per problem,
 * cut at the stop words (also sent as `stop`), run as `candidate + "\n" + <the 3 asserts>` with a
 * 3 s limit; pass@k over the 500 test problems.
 */
export const mbppCompletions: TaskDefinition<MbppDoc> = {
  ...mbppCommon,
  name: 'mbpp-completions',
  description: 'MBPP: 500 basic Python problems, docstring prompt continued and run against 3 asserts, pass@k (bigcode mbpp, completions)',
  endpointTypes: ['completions'],
  defaults,
  async createPrompter() {
    return (doc): ModelPrompt => ({ kind: 'completions', prompt: mbppPrompt(doc), stop: [...MBPP_STOP_WORDS] });
  },
  score: (response, doc): SampleScore => candidateScore(mbppCandidate(response, doc)),
};

/**
 * NeMo's `mbpp-chat` (`bigcode-eval --model_type nim-chat --task mbpp`): the same docstring prompt
 * as the one user message, no stop sequences in the request, the code read from the reply by
 * `mbppChatCandidate`; otherwise as `mbpp-completions`.
 */
export const mbppChat: TaskDefinition<MbppDoc> = {
  ...mbppCommon,
  name: 'mbpp-chat',
  description: 'MBPP: 500 basic Python problems asked of a chat model, code block run against 3 asserts, pass@k (bigcode mbpp, chat)',
  endpointTypes: ['chat'],
  defaults,
  async createPrompter() {
    return (doc): ModelPrompt => ({ kind: 'chat', messages: [{ role: 'user', content: mbppPrompt(doc) }] });
  },
  score: (response, doc): SampleScore => candidateScore(mbppChatCandidate(response, doc)),
};
