import type { Loglikelihood, TaskDefinition } from '../../core/task.js';
import { BOOLQ_CHOICES, BOOLQ_VALIDATION, boolqDocs, boolqTrainPool, type BoolqDoc } from './boolq-data.js';
import { evalDocExcludingShots, indexTargetContext } from './eval-doc-excluding-shots.js';
import { choiceRequests, scoreMultipleChoice } from './multiple-choice.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';

/** `doc_to_text: "{{passage}}\nQuestion: {{question}}?\nAnswer:"`. */
function docToText(doc: BoolqDoc): string {
  return `${doc.passage}\nQuestion: ${doc.question}?\nAnswer:`;
}

/**
 * lm-eval `boolq` (SuperGLUE, v2.0): log-likelihood multiple choice over `aps/super_glue` boolq
 * validation, context "<passage>\nQuestion: <question>?\nAnswer:", continuations `" no"` and
 * `" yes"`, metric `acc`. 0-shot (the YAML sets no `num_fewshot`; NeMo's catalog has no boolq);
 * `num_fewshot` shots are drawn per doc from train with lm-eval's n + 1 draw that drops the eval doc.
 */
export const boolq: TaskDefinition<BoolqDoc, readonly Loglikelihood[]> = {
  name: 'boolq',
  harness: 'lm-evaluation-harness',
  description: 'BoolQ (SuperGLUE validation, 3,270 questions), log-likelihood yes/no, acc, 0-shot (lm-eval boolq)',
  version: '2.0',
  reference: lmEvalReference('lm_eval/tasks/super_glue/boolq/default.yaml'),
  endpointTypes: ['completions'],
  requiredCapabilities: ['logprobs'],
  defaults: {},
  docs: (data) => boolqDocs(data, BOOLQ_VALIDATION),
  async createPrompter(ctx) {
    const shotsFor = await evalDocExcludingShots(resolveNumFewshot(ctx.params, undefined), () => boolqTrainPool(ctx.data));
    return (doc, index) => {
      const shots = shotsFor(doc, index).map((shot) => ({ text: docToText(shot), answer: BOOLQ_CHOICES[shot.gold] as string }));
      return { kind: 'loglikelihood', requests: choiceRequests(indexTargetContext(shots, docToText(doc)), BOOLQ_CHOICES) };
    };
  },
  target: (doc) => String(doc.gold),
  score: (lls, doc) => scoreMultipleChoice(lls, BOOLQ_CHOICES, doc.gold, ['acc']),
  report: (totals) => lmEvalTaskReport('boolq', totals),
};
