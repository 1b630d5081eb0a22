import type { Loglikelihood, TaskDefinition } from '../../core/task.js';
import type { MmluDoc, MmluLetter } from '../simple-evals/mmlu-data.js';
import { fewshotText } from './fewshot-context.js';
import type { FewshotLayout } from './fewshot-context.js';
import { LM_EVAL_MMLU_CATEGORIES, MMLU_SUBJECTS } from './mmlu-generative-data.js';
import { choiceRequests, scoreMultipleChoice } from './multiple-choice.js';
import { mmluDescription, mmluDevShots, mmluQuestion, mmluSubtaskDocs } from './mmlu-template.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { lmEvalReference } from './reference.js';
import { weightedGroupReport } from './weighted-group-report.js';
import type { WeightedGroup, WeightedGroupLayout } from './weighted-group-report.js';

/** NeMo's `mmlu_logits` runs lm-eval's `mmlu` group with `--num_fewshot 5`. */
const NUM_FEWSHOT = 5;
/** Rows in each subject's `dev` split, the most `first_n` can give. */
const DEV_ROWS = 5;
/** `doc_to_choice`; `doc_to_target: answer` is the index into it. */
const CHOICES: readonly MmluLetter[] = ['A', 'B', 'C', 'D'];
const ACC = 'acc,none';

/** lm-eval's task for a subject (`task: mmlu_<subject>` in `mmlu_<subject>.yaml`). */
export function mmluLogitsSubtask(subject: string): string {
  return `mmlu_${subject}`;
}

/**
 * `_mmlu.yaml`'s categories in its `task:` order; each is a group `mmlu_<category>`
 * (`_mmlu_<category>.yaml`) over the tag `mmlu_<category>_tasks`, whose tasks lm-eval sorts by name.
 */
const CATEGORY_GROUPS: readonly WeightedGroup[] = (['stem', 'other', 'social_sciences', 'humanities'] as const).map((category) => ({
  name: `mmlu_${category}`,
  leaves: MMLU_SUBJECTS.filter((subject) => LM_EVAL_MMLU_CATEGORIES[subject] === category).map(mmluLogitsSubtask),
}));
/** The `mmlu` group's leaf tasks in `get_all_tasks()` order: category by category. */
const ALL_LEAVES = CATEGORY_GROUPS.flatMap((group) => group.leaves);
const REPORT_LAYOUT: WeightedGroupLayout = {
  leaves: ALL_LEAVES,
  groups: [{ name: 'mmlu', leaves: ALL_LEAVES }, ...CATEGORY_GROUPS],
  aggregated: [ACC],
};

/**
 * NeMo's `mmlu_logits`: lm-eval `mmlu` (`tasks/mmlu/default`, v1.0 tasks, v2 groups) with NeMo's
 * `--num_fewshot 5`, log-likelihood multiple choice on a completions endpoint. Context = the
 * subject's description + its first 5 dev rows as shots + the question; one continuation per letter
 * (" A" … " D"); `acc` = the gold letter has the highest log-likelihood (ties to A). Docs run subject
 * by subject in alphabetical order (lm-eval runs them category by category; the order changes no
 * score); `limit_samples` N takes the first N questions of every subject, as lm-eval's `--limit N`.
 * Results: the 57 `mmlu_<subject>` tasks, the groups `mmlu_stem`, `mmlu_other`,
 * `mmlu_social_sciences`, `mmlu_humanities` and `mmlu`, each `acc` averaged over its questions
 * (`weight_by_size`) with lm-eval's pooled stderr.
 */
export const mmluLogits: TaskDefinition<MmluDoc, readonly Loglikelihood[]> = {
  name: 'mmlu_logits',
  harness: 'lm-evaluation-harness',
  description: 'MMLU (57 subjects, 14,042 questions), 5-shot log-likelihood of the answer letter, acc (lm-eval mmlu)',
  version: '1.0',
  reference: lmEvalReference('lm_eval/tasks/mmlu/default/_default_template_yaml, _mmlu.yaml, _mmlu_<category>.yaml, mmlu_<subject>.yaml'),
  limitPerSubtask: true,
  endpointTypes: ['completions'],
  requiredCapabilities: ['logprobs'],
  defaults: { extra: { num_fewshot: NUM_FEWSHOT } },
  docs: (data) => mmluSubtaskDocs(data, mmluLogitsSubtask),
  async createPrompter(ctx) {
    // The YAML leaves num_fewshot unset, so lm-eval applies --num_fewshot (0 without it).
    const shots = await mmluDevShots(ctx.data, resolveNumFewshot(ctx.params, undefined, DEV_ROWS));
    return (doc) => {
      const layout: FewshotLayout = { targetDelimiter: ' ', fewshotDelimiter: '\n\n', description: mmluDescription(doc.subject) };
      const context = fewshotText(shots.get(doc.subject) ?? [], mmluQuestion(doc), layout);
      return { kind: 'loglikelihood', requests: choiceRequests(context, CHOICES, layout.targetDelimiter) };
    };
  },
  target: (doc) => doc.answer,
  score: (lls, doc) => scoreMultipleChoice(lls, CHOICES, CHOICES.indexOf(doc.answer), ['acc']),
  report: (totals) => weightedGroupReport(REPORT_LAYOUT, totals),
};
