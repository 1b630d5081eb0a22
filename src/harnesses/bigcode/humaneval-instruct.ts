import type { TaskDefinition } from '../../core/task.js';
import { codeEvalReport } from './code-eval-report.js';
import { candidateScore } from './code-sample.js';
import { createCodeVerifier } from './code-verifier.js';
import { humanEvalReference } from './humaneval-data.js';
import { instructHumanEvalDocs, type InstructHumanEvalDoc } from './instruct-humaneval-data.js';
import { extractInstructHumanEvalCode } from './instruct-humaneval-extraction.js';
import { nSamples } from './n-samples.js';
import { bigcodeReference } from './reference.js';

/** bigcode's default `compute_code_eval` arguments, which `InstructHumanEval` uses. */
const KS = [1, 10, 100] as const;
const TIMEOUT_SECONDS = 3;

/** The key NeMo's results carry: the bigcode task NeMo runs (`--task instruct-humaneval-nocontext-py`). */
const BIGCODE_TASK = 'instruct-humaneval-nocontext-py';

/**
 * NeMo's `humaneval_instruct` (`bigcode-eval --model_type nim-chat --task
 * instruct-humaneval-nocontext-py`): the instruction alone as the one user message (NVIDIA's
 * runner builds the prompt with empty instruction tokens and no context, so the message is the
 * instruction), no stop sequences in the request, `n_samples` replies per problem, the code taken
 * from each reply by bigcode's `instruct-humaneval-nocontext` post-processing (see
 * `extractInstructHumanEvalCode`), run as `code + "\n" + "\n" + test + "\ncheck(<entry_point>)"`
 * with a 3 s limit; pass@k over problems.
 */
export const humanevalInstruct: TaskDefinition<InstructHumanEvalDoc> = {
  name: 'humaneval_instruct',
  harness: 'bigcode-evaluation-harness',
  description: 'InstructHumanEval: HumanEval as instructions to a chat model, code block extracted and run against the tests, pass@k (bigcode instruct-humaneval-nocontext)',
  version: '1.0',
  reference: bigcodeReference('bigcode_eval/tasks/instruct_humaneval.py (InstructHumanEvalWithoutContext)'),
  endpointTypes: ['chat'],
  defaults: { task: BIGCODE_TASK, maxNewTokens: 1024, extra: { do_sample: true, n_samples: 20 } },
  docs: instructHumanEvalDocs,
  async createPrompter() {
    return (doc) => ({ kind: 'chat', messages: [{ role: 'user', content: doc.instruction }] });
  },
  target: humanEvalReference,
  score: (response, doc) => candidateScore(extractInstructHumanEvalCode(response, doc.context, doc.entryPoint)),
  samplesPerDoc: nSamples,
  createVerifier: (ctx) => createCodeVerifier<InstructHumanEvalDoc>(ctx, { timeoutSeconds: TIMEOUT_SECONDS, program: (candidate, doc) => `${candidate}\n${humanEvalReference(doc)}` }),
  report: (totals) => codeEvalReport(BIGCODE_TASK, totals, KS),
};
