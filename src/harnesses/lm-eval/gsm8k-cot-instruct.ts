import type { TaskDefinition } from '../../core/task.js';
import { fewshotChat } from './fewshot-context.js';
import { GSM8K_TEST, gsm8kDocs } from './gsm8k-data.js';
import type { Gsm8kDoc } from './gsm8k-data.js';
import { GSM8K_EXACT_MATCH, GSM8K_FLEXIBLE_EXTRACT } from './gsm8k-metric.js';
import { regexExactMatchScorer } from './regex-exact-match-scorer.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';
import { requestStopSequences } from './stop-sequences.js';

/** The lm-eval task name NeMo's gsm8k_cot_instruct runs, and so the key of its results. */
const TASK = 'gsm8k_zeroshot_cot';
const UNTIL = ['Q:', '</s>', '<|im_end|>'];
const STOP = requestStopSequences(UNTIL, 'chat');

function docToText(doc: Gsm8kDoc): string {
  return `Q: ${doc.question}\nA: Let's think step by step.`;
}

const score = regexExactMatchScorer({
  stop: STOP,
  filters: [{ name: 'strict-match', regex: { regexPattern: 'The answer is (\\-?[0-9\\.\\,]+).' } }, GSM8K_FLEXIBLE_EXTRACT],
  exactMatch: GSM8K_EXACT_MATCH,
});

/**
 * NeMo's `gsm8k_cot_instruct`, implemented as lm-eval's public `gsm8k_cot_zeroshot` (v3.0) on a
 * chat endpoint: one user message "Q: …\nA: Let's think step by step.", no shots (the YAML fixes
 * `num_fewshot: 0`, which lm-eval never overrides); gold is the full answer.
 */
export const gsm8kCotInstruct: TaskDefinition<Gsm8kDoc> = {
  name: 'gsm8k_cot_instruct',
  harness: 'lm-evaluation-harness',
  description:
    'GSM8K zero-shot chain-of-thought chat, as lm-eval\'s public gsm8k_cot_zeroshot. NeMo\'s own gsm8k_cot_instruct runs a non-public lm-eval build (gsm8k_zeroshot_cot --add_instruction) whose instruction text is not published, so numbers may differ from NeMo\'s.',
  version: '3.0',
  reference: lmEvalReference('lm_eval/tasks/gsm8k/gsm8k-cot-zeroshot.yaml'),
  endpointTypes: ['chat'],
  defaults: { maxNewTokens: 1024 },
  docs: (data) => gsm8kDocs(data, GSM8K_TEST),
  async createPrompter() {
    return (doc) => ({ kind: 'chat', messages: fewshotChat([], docToText(doc), { targetDelimiter: ' ', fewshotDelimiter: '\n\n' }, true), stop: [...STOP] });
  },
  target: (doc) => doc.answer,
  score: (response, doc) => score(response, doc.answer),
  report: (totals) => lmEvalTaskReport(TASK, totals),
};
