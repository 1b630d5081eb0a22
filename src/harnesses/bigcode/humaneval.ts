import { pythonStrip } from '../../core/python/python-strip.js';
import type { TaskDefinition } from '../../core/task.js';
import { codeEvalReport } from './code-eval-report.js';
import { candidateScore } from './code-sample.js';
import { createCodeVerifier } from './code-verifier.js';
import { humanEvalDocs, humanEvalReference, type HumanEvalDoc } from './humaneval-data.js';
import { nSamples } from './n-samples.js';
import { bigcodeReference } from './reference.js';
import { stopAtStopToken } from './stop-at-stop-token.js';

/** bigcode `GeneralHumanEval` stop words (verbatim). */
export const HUMANEVAL_STOP_WORDS: readonly string[] = ['\nclass', '\ndef', '\n#', '\n@', '\nprint', '\nif', '\n```', '<file_sep>'];

/** bigcode `humaneval`'s `compute_code_eval` arguments. */
const KS = [1, 10, 100] as const;
const TIMEOUT_SECONDS = 3;

/** bigcode `humaneval` prompt: the published prompt stripped at both ends (Python `str.strip()`). */
export function humanEvalPrompt(doc: HumanEvalDoc): string {
  return pythonStrip(doc.prompt);
}

/**
 * bigcode `humaneval` post-processing of a completions reply (the text after the prompt): cut at
 * the earliest stop word, then prefixed with the stripped prompt, which is the candidate program.
 */
export function humanEvalCandidate(completion: string, doc: HumanEvalDoc): string {
  return humanEvalPrompt(doc) + stopAtStopToken(completion, HUMANEVAL_STOP_WORDS);
}

/**
 * bigcode `humaneval` as NeMo's `humaneval` runs it (`bigcode-eval --model_type nim-base`): the
 * stripped prompt continued on a completions endpoint, `n_samples` completions per problem, each cut
 * at the stop words (also sent as `stop`: the server's cut is the same prefix), run as
 * `candidate + "\n" + "\n" + test + "\ncheck(<entry_point>)"` with a 3 s limit; pass@k over
 * problems.
 */
export const humaneval: TaskDefinition<HumanEvalDoc> = {
  name: 'humaneval',
  harness: 'bigcode-evaluation-harness',
  description: 'HumanEval: 164 Python functions completed from their docstrings, run against their tests, pass@k (bigcode humaneval)',
  version: '1.0',
  reference: bigcodeReference('bigcode_eval/tasks/humaneval.py'),
  endpointTypes: ['completions'],
  defaults: { maxNewTokens: 1024, extra: { do_sample: true, n_samples: 20 } },
  docs: humanEvalDocs,
  async createPrompter() {
    return (doc) => ({ kind: 'completions', prompt: humanEvalPrompt(doc), stop: [...HUMANEVAL_STOP_WORDS] });
  },
  target: humanEvalReference,
  score: (response, doc) => candidateScore(humanEvalCandidate(response, doc)),
  samplesPerDoc: nSamples,
  createVerifier: (ctx) => createCodeVerifier<HumanEvalDoc>(ctx, { timeoutSeconds: TIMEOUT_SECONDS, program: (candidate, doc) => `${candidate}\n${humanEvalReference(doc)}` }),
  report: (totals) => codeEvalReport('humaneval', totals, KS),
};
