import type { Loglikelihood, TaskDefinition } from '../../core/task.js';
import { evalDocExcludingShots } from './eval-doc-excluding-shots.js';
import { fewshotText, type FewshotLayout } from './fewshot-context.js';
import { scoreMultipleChoice } from './multiple-choice.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';
import { WINOGRANDE_VALIDATION, winograndeDocs, winograndeTrainPool, type WinograndeDoc } from './winogrande-data.js';

/** NeMo's `winogrande` passes `--num_fewshot 5`; the YAML sets none. */
const NEMO_NUM_FEWSHOT = 5;

const LAYOUT: FewshotLayout = { targetDelimiter: ' ', fewshotDelimiter: '\n\n' };

/**
 * lm-eval `winogrande` (v1.0, winogrande_xl validation): partial evaluation, lm-eval's
 * "multiple input" mode. Each doc asks two requests that share the continuation `" " + text after
 * the blank` and differ in context: the shots, then the sentence up to the blank completed by
 * option 1 or option 2; `acc` is 1 when the gold option's context makes the continuation likelier.
 * A shot is its gold context, `" "`, its continuation and `"\n\n"` (nothing after the context when
 * the continuation is empty, as lm-eval's `build_qa_turn` has no answer then). Shots (5 by
 * default, as NeMo runs it) are drawn per doc from train with the n + 1 draw that drops the eval doc.
 */
export const winogrande: TaskDefinition<WinograndeDoc, readonly Loglikelihood[]> = {
  name: 'winogrande',
  harness: 'lm-evaluation-harness',
  description: 'Winogrande (winogrande_xl validation, 1,267 items), partial log-likelihood scoring, acc, 5-shot from train (lm-eval winogrande, as NeMo runs it)',
  version: '1.0',
  reference: lmEvalReference('lm_eval/tasks/winogrande/default.yaml'),
  endpointTypes: ['completions'],
  requiredCapabilities: ['logprobs'],
  defaults: { extra: { num_fewshot: NEMO_NUM_FEWSHOT } },
  docs: (data) => winograndeDocs(data, WINOGRANDE_VALIDATION),
  async createPrompter(ctx) {
    const shotsFor = await evalDocExcludingShots(resolveNumFewshot(ctx.params, undefined), () => winograndeTrainPool(ctx.data));
    return (doc, index) => {
      const shots = shotsFor(doc, index).map((shot) => ({ question: shot.contexts[shot.gold] as string, answer: shot.continuation }));
      const continuation = `${LAYOUT.targetDelimiter}${doc.continuation}`;
      return { kind: 'loglikelihood', requests: doc.contexts.map((context) => ({ context: fewshotText(shots, context, LAYOUT), continuation })) };
    };
  },
  target: (doc) => String(doc.gold),
  score: (lls, doc) => scoreMultipleChoice(lls, doc.contexts, doc.gold, ['acc']),
  report: (totals) => lmEvalTaskReport('winogrande', totals),
};
