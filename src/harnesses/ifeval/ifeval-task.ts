import type { SampleScore, TaskDefinition } from '../../core/task.js';
import { lmEvalReference } from '../lm-eval/reference.js';
import { ifevalDocs, type IfevalDoc } from './ifeval-data.js';
import { IFEVAL_SAMPLE_VALUE_KEYS, IFEVAL_SCORE_KEYS, ifevalReport } from './ifeval-report.js';
import { judgeIfevalResponse, type IfevalVerdicts } from './score-ifeval-response.js';

const TASK = 'ifeval';

/** Google's instruction_following_eval, as checked (variant B; see docs/tasks/ifeval.md). */
const GOOGLE_REFERENCE = 'google-research/google-research instruction_following_eval (verbatim copy Podtech-AI/IFEval@5bdf377eb9cc20f16d377dc5c38413cee22550a6, variant B)';

/**
 * `extracted` for samples.jsonl: each instruction id (a repeated id gets ` #2`, ` #3`, …) with its
 * verdicts, e.g. `strict=true loose=true`.
 */
function verdictsByInstruction(verdicts: IfevalVerdicts): Record<string, string> {
  const extracted: Record<string, string> = {};
  const seen = new Map<string, number>();
  for (const { id, strict, loose } of verdicts.instructions) {
    const occurrence = (seen.get(id) ?? 0) + 1;
    seen.set(id, occurrence);
    extracted[occurrence === 1 ? id : `${id} #${occurrence}`] = `strict=${strict} loose=${loose}`;
  }
  return extracted;
}

function score(response: string, doc: IfevalDoc): SampleScore {
  const verdicts = judgeIfevalResponse(doc.instructions, response);
  const followed = (level: 'strict' | 'loose') => verdicts.instructions.filter((v) => v[level]).length;
  return {
    extracted: verdictsByInstruction(verdicts),
    scores: {
      [IFEVAL_SCORE_KEYS.promptStrict]: Number(verdicts.promptLevelStrict),
      [IFEVAL_SCORE_KEYS.promptLoose]: Number(verdicts.promptLevelLoose),
      [IFEVAL_SCORE_KEYS.instStrictFollowed]: followed('strict'),
      [IFEVAL_SCORE_KEYS.instLooseFollowed]: followed('loose'),
      [IFEVAL_SCORE_KEYS.instTotal]: verdicts.instructions.length,
    },
  };
}

/**
 * lm-eval `ifeval` (v4.0): each of Google's 541 prompts sent verbatim as the only user message,
 * greedy (`temperature 0`, `max_gen_toks 1280`, no stop strings), the response checked against
 * the prompt's verifiable instructions by a port of Google's checkers, strict and loose. Metrics:
 * `prompt_level_{strict,loose}_acc` (all instructions of a prompt followed, mean over prompts) and
 * `inst_level_{strict,loose}_acc` (mean over all 834 instructions). The target recorded per
 * sample is the instruction id list.
 */
export const ifeval: TaskDefinition<IfevalDoc> = {
  name: TASK,
  harness: 'lm-evaluation-harness',
  description: 'IFEval: 541 prompts with verifiable instructions, strict and loose, prompt- and instruction-level accuracy (lm-eval ifeval)',
  version: '4.0',
  reference: `${lmEvalReference('lm_eval/tasks/ifeval/ifeval.yaml')}; ${GOOGLE_REFERENCE}`,
  endpointTypes: ['chat'],
  defaults: { maxNewTokens: 1280, temperature: 0 },
  docs: ifevalDocs,
  async createPrompter() {
    return (doc) => ({ kind: 'chat', messages: [{ role: 'user', content: doc.prompt }] });
  },
  target: (doc) => doc.instructionIds.join(', '),
  score,
  sampleValueKeys: IFEVAL_SAMPLE_VALUE_KEYS,
  report: (totals) => ifevalReport(TASK, totals),
};
