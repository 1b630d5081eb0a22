import type { ConfigParams, EndpointType } from '../../core/config/schema.js';
import type { DatasetReader } from '../../core/datasets/dataset-reader.js';
import { DatasetError } from '../../core/errors.js';
import type { ModelPrompt, TaskDefinition, TaskDoc } from '../../core/task.js';
import { fewshotChat, fewshotText } from './fewshot-context.js';
import type { FewshotLayout, Shot } from './fewshot-context.js';
import { firstN } from './fewshot-sampler.js';
import { MMLU_PRO_CATEGORIES, MMLU_PRO_TEST, MMLU_PRO_VALIDATION, readMmluPro } from './mmlu-pro-data.js';
import type { MmluProDoc } from './mmlu-pro-data.js';
import { mmluProDescription, mmluProQuestion, mmluProShotAnswer } from './mmlu-pro-prompt.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { regexExactMatchScorer } from './regex-exact-match-scorer.js';
import { lmEvalReference } from './reference.js';
import { requestStopSequences } from './stop-sequences.js';
import { weightedGroupReport } from './weighted-group-report.js';
import type { WeightedGroupLayout } from './weighted-group-report.js';

/** The lm-eval group both NeMo names run, and so the key of their results. */
const GROUP = 'mmlu_pro';
const NUM_FEWSHOT = 5;
const UNTIL = ['Question:'];
const FILTER = 'custom-extract';

/** lm-eval's subtask for a dataset category: `mmlu_pro_<category with spaces as underscores>`. */
export function mmluProSubtask(category: string): string {
  return `mmlu_pro_${category.replaceAll(' ', '_')}`;
}

const SUBTASKS = MMLU_PRO_CATEGORIES.map(mmluProSubtask);
const REPORT_LAYOUT: WeightedGroupLayout = { leaves: SUBTASKS, groups: [{ name: GROUP, leaves: SUBTASKS }], aggregated: [`exact_match,${FILTER}`] };

/**
 * `_default_template_yaml`'s scoring: the response cut at `Question:`, then `custom-extract` = the
 * first match of `answer is \(?([ABCDEFGHIJ])\)?` (case-sensitive; "[invalid]" without one), then
 * `exact_match` against the gold letter ignoring case and `string.punctuation`.
 */
export const scoreMmluPro = regexExactMatchScorer({
  stop: UNTIL,
  filters: [{ name: FILTER, regex: { regexPattern: 'answer is \\(?([ABCDEFGHIJ])\\)?' } }],
  exactMatch: { ignoreCase: true, ignorePunctuation: true },
});

/**
 * The test docs grouped by subtask in `_mmlu_pro.yaml` order, each subtask's in file order (lm-eval's
 * per-subtask `process_docs` filter); id `<subtask>/<index within it>`, lm-eval's `doc_id`. Rows
 * whose category is none of the 14 belong to no subtask and are not evaluated, as in lm-eval.
 */
async function* mmluProDocs(data: DatasetReader): AsyncGenerator<TaskDoc<MmluProDoc>> {
  const byCategory = new Map<string, MmluProDoc[]>(MMLU_PRO_CATEGORIES.map((category) => [category, []]));
  for (const doc of await readMmluPro(data, MMLU_PRO_TEST)) byCategory.get(doc.category)?.push(doc);
  for (const [category, docs] of byCategory) {
    const subtask = mmluProSubtask(category);
    for (const [index, doc] of docs.entries()) yield { id: `${subtask}/${index}`, doc, subsets: [subtask], subtask };
  }
}

/**
 * The prompt builder: per category, the description, then the first `numFewshot` validation rows
 * of that category (`first_n` over the `process_docs`-filtered split) as shots, then the question.
 * Shots are built on a category's first doc, so a short pool only matters for a category that is
 * evaluated, as in lm-eval.
 */
async function createMmluProPrompter(params: ConfigParams, endpointType: EndpointType, data: DatasetReader): Promise<(doc: MmluProDoc) => ModelPrompt> {
  const numFewshot = resolveNumFewshot(params, NUM_FEWSHOT);
  const pool = numFewshot > 0 ? await readMmluPro(data, MMLU_PRO_VALIDATION) : [];
  const stop = requestStopSequences(UNTIL, endpointType);
  const shotsByCategory = new Map<string, Shot[]>();

  function shotsFor(category: string): Shot[] {
    let shots = shotsByCategory.get(category);
    if (!shots) {
      const candidates = pool.filter((row) => row.category === category);
      if (candidates.length < numFewshot) {
        throw new DatasetError(
          `${MMLU_PRO_VALIDATION.name} has ${candidates.length} rows of category "${category}", fewer than the ${numFewshot} few-shot examples lm-eval takes from it`,
          undefined,
          undefined,
          'use the published TIGER-Lab/MMLU-Pro validation split (5 rows per category), or fewer shots (params.extra.num_fewshot)',
        );
      }
      shots = firstN(candidates, numFewshot).map((row) => ({ question: mmluProQuestion(row), answer: mmluProShotAnswer(row) }));
      shotsByCategory.set(category, shots);
    }
    return shots;
  }

  return (doc) => {
    const layout: FewshotLayout = { targetDelimiter: ' ', fewshotDelimiter: '\n\n', description: mmluProDescription(doc.category) };
    const shots = shotsFor(doc.category);
    const question = mmluProQuestion(doc);
    if (endpointType === 'chat') return { kind: 'chat', messages: fewshotChat(shots, question, layout, true), stop: [...stop] };
    return { kind: 'completions', prompt: fewshotText(shots, question, layout), stop: [...stop] };
  };
}

const shared = {
  harness: 'lm-evaluation-harness',
  version: '3.1',
  reference: lmEvalReference('lm_eval/tasks/mmlu_pro/_default_template_yaml, _mmlu_pro.yaml, mmlu_pro_<category>.yaml, utils.py'),
  docs: mmluProDocs,
  target: (doc: MmluProDoc) => doc.answer,
  score: (response: string, doc: MmluProDoc) => scoreMmluPro(response, doc.answer),
  report: (totals) => weightedGroupReport(REPORT_LAYOUT, totals),
} satisfies Partial<TaskDefinition<MmluProDoc>>;

/**
 * NeMo's `mmlu_pro` (lm-evaluation-harness): lm-eval `mmlu_pro` (v3.1) on a completions endpoint,
 * 5-shot chain of thought. Prompt = category description + 5 × ("Question:\n…\nOptions:\nA. …\n…
 * Answer: Let's think step by step." + " " + worked answer + "\n\n") + the question in the same
 * form. Results: the 14 `mmlu_pro_<category>` subtasks and the `mmlu_pro` group (size-weighted).
 */
export const mmluPro: TaskDefinition<MmluProDoc> = {
  ...shared,
  name: 'mmlu_pro',
  description: 'MMLU-Pro (14 categories, 10 options), 5-shot chain of thought, "the answer is (X)" extraction (lm-eval mmlu_pro)',
  limitPerSubtask: true,
  endpointTypes: ['completions'],
  defaults: { maxNewTokens: 2048, extra: { num_fewshot: NUM_FEWSHOT } },
  createPrompter: (ctx) => createMmluProPrompter(ctx.params, 'completions', ctx.data),
};

/**
 * NeMo's `mmlu_pro_instruct`: the same lm-eval `mmlu_pro` on a chat endpoint as NeMo runs it
 * (`--apply_chat_template --fewshot_as_multiturn --num_fewshot 0`, 1024 new tokens): the category
 * description as the system message and the question as the user message; shots, if
 * `params.extra.num_fewshot` asks for some, as user/assistant turns between them.
 */
export const mmluProInstruct: TaskDefinition<MmluProDoc> = {
  ...shared,
  name: 'mmlu_pro_instruct',
  description: 'MMLU-Pro (14 categories, 10 options), zero-shot chat chain of thought, "the answer is (X)" extraction (lm-eval mmlu_pro)',
  limitPerSubtask: true,
  endpointTypes: ['chat'],
  defaults: { maxNewTokens: 1024, extra: { num_fewshot: 0 } },
  createPrompter: (ctx) => createMmluProPrompter(ctx.params, 'chat', ctx.data),
};
