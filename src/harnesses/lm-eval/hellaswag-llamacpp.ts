import { ConfigError } from '../../core/errors.js';
import type { Loglikelihood, TaskDefinition } from '../../core/task.js';
import { hellaswagLlamacppDocs, type HellaswagLlamacppDoc } from './hellaswag-llamacpp-data.js';
import { choiceRequests, scoreMultipleChoice } from './multiple-choice.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';

/**
 * HellaSwag from the offline llama.cpp text file, scored the lm-eval way: context = the file's
 * `activity_label: ctx` line, one continuation `" " + ending` per ending, `acc` and `acc_norm` as
 * lm-eval computes them. NOT lm-eval's exact `hellaswag` prompt: the file keeps `ctx_b` as written
 * (lm-eval capitalises it: "… on a roof. he" here, "… on a roof. He" there) and was cleaned by
 * llama.cpp's converter rather than lm-eval's `preprocess`. 0-shot only: the file has no train split.
 */
export const hellaswagLlamacpp: TaskDefinition<HellaswagLlamacppDoc, readonly Loglikelihood[]> = {
  name: 'hellaswag_llamacpp',
  harness: 'lm-evaluation-harness',
  description: "HellaSwag validation from the offline llama.cpp text file, 0-shot, acc and acc_norm scored as lm-eval's; NOT lm-eval's exact hellaswag prompt",
  version: '1.0',
  reference: lmEvalReference('lm_eval/tasks/hellaswag/hellaswag.yaml'),
  endpointTypes: ['completions'],
  requiredCapabilities: ['logprobs'],
  defaults: {},
  docs: (data) => hellaswagLlamacppDocs(data),
  async createPrompter(ctx) {
    const requested = ctx.params.extra?.num_fewshot;
    if (requested !== undefined && requested !== null && requested !== 0) {
      throw new ConfigError('params.extra.num_fewshot', `hellaswag_llamacpp is 0-shot only (its file has no train split), got ${JSON.stringify(requested)}`, 'remove it, or run `hellaswag` for few-shot');
    }
    return (doc) => ({ kind: 'loglikelihood', requests: choiceRequests(doc.context, doc.endings) });
  },
  target: (doc) => String(doc.gold),
  score: (lls, doc) => scoreMultipleChoice(lls, doc.endings, doc.gold, ['acc', 'acc_norm']),
  report: (totals) => lmEvalTaskReport('hellaswag_llamacpp', totals),
};
