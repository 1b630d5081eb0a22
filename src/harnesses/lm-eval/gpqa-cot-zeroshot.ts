import type { SampleScore, TaskDefinition } from '../../core/task.js';
import { gpqaCotDocs } from './gpqa-cot-zeroshot-data.js';
import type { GpqaCotDoc } from './gpqa-cot-zeroshot-data.js';
import { exactMatch } from './exact-match.js';
import { multiChoiceRegexFilter } from './multi-choice-regex-filter.js';
import { lmEvalReference } from './reference.js';
import { regexFilter } from './regex-filter.js';
import { lmEvalTaskReport } from './report.js';
import { cutAtStopSequences, requestStopSequences } from './stop-sequences.js';
import { takeFirst } from './take-first.js';

const TASK = 'gpqa_diamond_cot_zeroshot';
const NAME = 'gpqa_diamond_cot';
const STOP = requestStopSequences(['</s>'], 'chat');

/** `doc_to_text`, the YAML's Jinja template rendered with the processed doc. */
function docToText(doc: GpqaCotDoc): string {
  const [a, b, c, d] = doc.choices;
  return `What is the correct answer to this question:${doc.question}\nChoices:\n(A) ${a}\n(B) ${b}\n(C) ${c}\n(D) ${d}\nLet's think step by step: `;
}

const strictMatch = regexFilter({ regexPattern: '(?<=The answer is )(.*)(?=.)' });
const flexibleExtract = multiChoiceRegexFilter({ regexPattern: '(\\([A-Z]\\))', groupSelect: -1, ignoreCase: true, ignorePunctuation: true });
const metric = exactMatch({ ignoreCase: true, ignorePunctuation: true });

/**
 * The YAML's `filter_list` then `exact_match` (ignore_case, ignore_punctuation) against the gold
 * label: `strict-match` is `regex` `(?<=The answer is )(.*)(?=.)` (first match, which stops one
 * character before the end of its line) then `take_first`; `flexible-extract` is
 * `multi_choice_regex` `(\([A-Z]\))` (last match, then the choice texts, then `: X`; see
 * `multiChoiceRegexFilter`) then `take_first`. The response is first cut at the stop sequence.
 */
function scoreGpqaCot(response: string, doc: GpqaCotDoc): SampleScore {
  const text = cutAtStopSequences(response, STOP);
  const strict = takeFirst(strictMatch([text]));
  const flexible = takeFirst(flexibleExtract([text], doc.choices));
  return {
    extracted: { 'strict-match': strict, 'flexible-extract': flexible },
    scores: { 'exact_match,strict-match': metric(strict, doc.answer), 'exact_match,flexible-extract': metric(flexible, doc.answer) },
  };
}

/**
 * lm-eval `gpqa_diamond_cot_zeroshot` (v2.2), NeMo's `gpqa_diamond_cot`, as NeMo runs it on a chat
 * endpoint: the 198 GPQA Diamond questions, zero-shot, one user message ("What is the correct
 * answer to this question:... Let's think step by step: ") with the answers shuffled as lm-eval's
 * `process_docs` does with Python's global `random` after `random.seed(0)` (see `gpqaCotDocs`);
 * stop `</s>`; NeMo's `max_new_tokens` 1024 (the YAML leaves lm-eval's default 256). Metrics
 * `exact_match,strict-match` and `exact_match,flexible-extract` (see `scoreGpqaCot`).
 */
export const gpqaDiamondCot: TaskDefinition<GpqaCotDoc> = {
  name: NAME,
  harness: 'lm-evaluation-harness',
  description: 'GPQA Diamond (198 questions), zero-shot chain-of-thought chat with shuffled choices, "(X)" extraction (lm-eval gpqa_diamond_cot_zeroshot)',
  version: '2.2',
  reference: lmEvalReference('lm_eval/tasks/gpqa/cot_zeroshot/_gpqa_cot_zeroshot_yaml, utils.py'),
  endpointTypes: ['chat'],
  defaults: { maxNewTokens: 1024 },
  docs: (data) => gpqaCotDocs(data, 'diamond'),
  createPrompter: async () => (doc) => ({ kind: 'chat', messages: [{ role: 'user', content: docToText(doc) }], stop: [...STOP] }),
  target: (doc) => doc.answer,
  score: scoreGpqaCot,
  report: (totals) => lmEvalTaskReport(TASK, totals),
};
