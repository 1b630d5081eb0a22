import type { Loglikelihood, TaskDefinition } from '../../core/task.js';
import { evalDocExcludingShots, indexTargetContext } from './eval-doc-excluding-shots.js';
import { HELLASWAG_VALIDATION, hellaswagDocs, hellaswagTrainPool, type HellaswagDoc } from './hellaswag-data.js';
import { choiceRequests, scoreMultipleChoice } from './multiple-choice.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';

/** NeMo's `hellaswag` passes `--num_fewshot 10`; the YAML sets none. */
const NEMO_NUM_FEWSHOT = 10;

/**
 * lm-eval `hellaswag` (v1.0): log-likelihood multiple choice over `Rowan/hellaswag` validation.
 * Context: the preprocessed `activity_label: ctx` query; one continuation per preprocessed ending
 * (`" " + ending`); metrics `acc` and `acc_norm`. Shots (10 by default, as NeMo runs it) are
 * `query + " " + gold ending + "\n\n"`, drawn per doc from train with lm-eval's n + 1 draw that
 * drops the eval doc (see evalDocExcludingShots).
 */
export const hellaswag: TaskDefinition<HellaswagDoc, readonly Loglikelihood[]> = {
  name: 'hellaswag',
  harness: 'lm-evaluation-harness',
  description: 'HellaSwag validation (10,042 items), log-likelihood multiple choice, acc and acc_norm, 10-shot from train (lm-eval hellaswag, as NeMo runs it)',
  version: '1.0',
  reference: lmEvalReference('lm_eval/tasks/hellaswag/hellaswag.yaml'),
  endpointTypes: ['completions'],
  requiredCapabilities: ['logprobs'],
  defaults: { extra: { num_fewshot: NEMO_NUM_FEWSHOT } },
  docs: (data) => hellaswagDocs(data, HELLASWAG_VALIDATION),
  async createPrompter(ctx) {
    const shotsFor = await evalDocExcludingShots(resolveNumFewshot(ctx.params, undefined), () => hellaswagTrainPool(ctx.data));
    return (doc, index) => {
      const shots = shotsFor(doc, index).map((shot) => ({ text: shot.query, answer: shot.choices[shot.gold] as string }));
      return { kind: 'loglikelihood', requests: choiceRequests(indexTargetContext(shots, doc.query), doc.choices) };
    };
  },
  target: (doc) => String(doc.gold),
  score: (lls, doc) => scoreMultipleChoice(lls, doc.choices, doc.gold, ['acc', 'acc_norm']),
  report: (totals) => lmEvalTaskReport('hellaswag', totals),
};
