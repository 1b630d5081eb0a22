import type { Loglikelihood, TaskDefinition } from '../../core/task.js';
import { evalDocExcludingShots, indexTargetContext } from './eval-doc-excluding-shots.js';
import { choiceRequests, scoreMultipleChoice } from './multiple-choice.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { PIQA_VALIDATION, piqaDocs, piqaTrainPool, type PiqaDoc } from './piqa-data.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';

/** `doc_to_text: "Question: {{goal}}\nAnswer:"`. */
function docToText(doc: PiqaDoc): string {
  return `Question: ${doc.goal}\nAnswer:`;
}

/**
 * lm-eval `piqa` (v1.0): log-likelihood multiple choice over `baber/piqa` validation, context
 * "Question: <goal>\nAnswer:", continuations `" " + sol1` and `" " + sol2`, metrics `acc` and
 * `acc_norm`. 0-shot (the YAML sets no `num_fewshot`, nor does NeMo); `num_fewshot` shots are
 * drawn per doc from train with lm-eval's n + 1 draw that drops the eval doc.
 */
export const piqa: TaskDefinition<PiqaDoc, readonly Loglikelihood[]> = {
  name: 'piqa',
  harness: 'lm-evaluation-harness',
  description: 'PIQA validation (1,838 goals), log-likelihood multiple choice, acc and acc_norm, 0-shot (lm-eval piqa)',
  version: '1.0',
  reference: lmEvalReference('lm_eval/tasks/piqa/piqa.yaml'),
  endpointTypes: ['completions'],
  requiredCapabilities: ['logprobs'],
  defaults: {},
  docs: (data) => piqaDocs(data, PIQA_VALIDATION),
  async createPrompter(ctx) {
    const shotsFor = await evalDocExcludingShots(resolveNumFewshot(ctx.params, undefined), () => piqaTrainPool(ctx.data));
    return (doc, index) => {
      const shots = shotsFor(doc, index).map((shot) => ({ text: docToText(shot), answer: shot.choices[shot.gold] as string }));
      return { kind: 'loglikelihood', requests: choiceRequests(indexTargetContext(shots, docToText(doc)), doc.choices) };
    };
  },
  target: (doc) => String(doc.gold),
  score: (lls, doc) => scoreMultipleChoice(lls, doc.choices, doc.gold, ['acc', 'acc_norm']),
  report: (totals) => lmEvalTaskReport('piqa', totals),
};
