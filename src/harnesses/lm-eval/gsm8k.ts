import type { TaskDefinition } from '../../core/task.js';
import { fewshotText } from './fewshot-context.js';
import type { FewshotLayout } from './fewshot-context.js';
import { RandomFewshotSampler } from './fewshot-sampler.js';
import { GSM8K_TEST, gsm8kDocs, gsm8kTrainPool } from './gsm8k-data.js';
import type { Gsm8kDoc } from './gsm8k-data.js';
import { GSM8K_EXACT_MATCH, GSM8K_FLEXIBLE_EXTRACT } from './gsm8k-metric.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { regexExactMatchScorer } from './regex-exact-match-scorer.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';
import { requestStopSequences } from './stop-sequences.js';

const TASK = 'gsm8k';
const NUM_FEWSHOT = 5;
const UNTIL = ['Question:', '</s>', '<|im_end|>'];
const STOP = requestStopSequences(UNTIL, 'completions');
const LAYOUT: FewshotLayout = { targetDelimiter: ' ', fewshotDelimiter: '\n\n' };

function docToText(doc: Gsm8kDoc): string {
  return `Question: ${doc.question}\nAnswer:`;
}

const score = regexExactMatchScorer({
  stop: STOP,
  filters: [{ name: 'strict-match', regex: { regexPattern: '#### (\\-?[0-9\\.\\,]+)' } }, GSM8K_FLEXIBLE_EXTRACT],
  exactMatch: GSM8K_EXACT_MATCH,
});

/**
 * lm-eval `gsm8k` (v3.0) on a completions endpoint: "Question: …\nAnswer:" with 5 shots drawn per
 * doc by `random.Random(1234).sample(train, 5)` from one stream shared by all docs in doc order
 * (the eval doc is not excluded: the few-shot split is train), each shot the full worked answer
 * including `#### N`. Gold is the full answer.
 */
export const gsm8k: TaskDefinition<Gsm8kDoc> = {
  name: TASK,
  harness: 'lm-evaluation-harness',
  description: 'GSM8K grade-school math, 5-shot, "Question:/Answer:" prompt, exact match on the final number (lm-eval gsm8k)',
  version: '3.0',
  reference: lmEvalReference('lm_eval/tasks/gsm8k/gsm8k.yaml'),
  endpointTypes: ['completions'],
  defaults: { maxNewTokens: 256 },
  docs: (data) => gsm8kDocs(data, GSM8K_TEST),
  async createPrompter(ctx) {
    const numFewshot = resolveNumFewshot(ctx.params, NUM_FEWSHOT);
    const sampler = new RandomFewshotSampler(numFewshot > 0 ? await gsm8kTrainPool(ctx.data) : []);
    // Draws depend only on how many docs came before, so keep them by doc index: a prompt can be
    // rebuilt, and a doc reached without its predecessors still gets the shots lm-eval gives it.
    const draws: Gsm8kDoc[][] = [];
    return (doc, index) => {
      while (draws.length <= index) draws.push(sampler.sample(numFewshot));
      const shots = (draws[index] as Gsm8kDoc[]).map((shot) => ({ question: docToText(shot), answer: shot.answer }));
      return { kind: 'completions', prompt: fewshotText(shots, docToText(doc), LAYOUT), stop: [...STOP] };
    };
  },
  target: (doc) => doc.answer,
  score: (response, doc) => score(response, doc.answer),
  report: (totals) => lmEvalTaskReport(TASK, totals),
};
