import type { DatasetReader } from '../../core/datasets/dataset-reader.js';
import { DatasetError } from '../../core/errors.js';
import { pythonStrip } from '../../core/python/python-strip.js';
import type { Loglikelihood, TaskDefinition, TaskDoc } from '../../core/task.js';
import { mmluTestFile } from '../simple-evals/mmlu-data.js';
import type { MmluDoc, MmluLetter } from '../simple-evals/mmlu-data.js';
import { fewshotText } from './fewshot-context.js';
import type { FewshotLayout, Shot } from './fewshot-context.js';
import { firstN } from './fewshot-sampler.js';
import { LM_EVAL_MMLU_CATEGORIES, MMLU_SUBJECTS, mmluDevFile, mmluSubjectDocs } from './mmlu-generative-data.js';
import { choiceRequests, scoreMultipleChoice } from './multiple-choice.js';
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
 * `_default_template_yaml` `doc_to_text`:
 * `"{{question.strip()}}\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:"`
 * (Python `str.strip`; the options as they are).
 */
export function mmluLogitsQuestion(doc: MmluDoc): string {
  return `${pythonStrip(doc.question)}\nA. ${doc.A}\nB. ${doc.B}\nC. ${doc.C}\nD. ${doc.D}\nAnswer:`;
}

/**
 * A subject YAML's `description`: "The following are multiple choice questions (with answers)
 * about <subject with every `_` a space>.\n\n" (the rule holds for all 57 `mmlu_<subject>.yaml`).
 */
export function mmluLogitsDescription(subject: string): string {
  return `The following are multiple choice questions (with answers) about ${subject.replaceAll('_', ' ')}.\n\n`;
}

/** The 57 subjects in alphabetical order, each's test rows in file order; subset = the subject's lm-eval task. */
async function* mmluLogitsDocs(data: DatasetReader): AsyncGenerator<TaskDoc<MmluDoc>> {
  for (const subject of MMLU_SUBJECTS) {
    for await (const item of mmluSubjectDocs(data, subject, mmluTestFile(subject))) yield { ...item, subsets: [mmluLogitsSubtask(subject)], subtask: mmluLogitsSubtask(subject) };
  }
}

/**
 * Each subject's shots: its first `numFewshot` dev rows (`fewshot_split: dev`, `sampler: first_n`),
 * each rendered `doc_to_text` + " " + gold letter + "\n\n" by `fewshotText`.
 */
async function devShots(data: DatasetReader, numFewshot: number): Promise<Map<string, Shot[]>> {
  const shots = new Map<string, Shot[]>();
  if (numFewshot === 0) return shots;
  for (const subject of MMLU_SUBJECTS) {
    const dev: MmluDoc[] = [];
    const file = mmluDevFile(subject);
    for await (const { doc } of mmluSubjectDocs(data, subject, file)) dev.push(doc);
    if (dev.length < numFewshot) {
      throw new DatasetError(
        `${file.name} has ${dev.length} rows, fewer than the ${numFewshot} few-shot examples asked for`,
        undefined,
        undefined,
        'use the published cais/mmlu dev split (5 rows per subject), or fewer shots (params.extra.num_fewshot)',
      );
    }
    shots.set(subject, firstN(dev, numFewshot).map((doc) => ({ question: mmluLogitsQuestion(doc), answer: doc.answer })));
  }
  return shots;
}

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
  docs: mmluLogitsDocs,
  async createPrompter(ctx) {
    // The YAML leaves num_fewshot unset, so lm-eval applies --num_fewshot (0 without it).
    const shots = await devShots(ctx.data, resolveNumFewshot(ctx.params, undefined, DEV_ROWS));
    return (doc) => {
      const layout: FewshotLayout = { targetDelimiter: ' ', fewshotDelimiter: '\n\n', description: mmluLogitsDescription(doc.subject) };
      const context = fewshotText(shots.get(doc.subject) ?? [], mmluLogitsQuestion(doc), layout);
      return { kind: 'loglikelihood', requests: choiceRequests(context, CHOICES, layout.targetDelimiter) };
    };
  },
  target: (doc) => doc.answer,
  score: (lls, doc) => scoreMultipleChoice(lls, CHOICES, CHOICES.indexOf(doc.answer), ['acc']),
  report: (totals) => weightedGroupReport(REPORT_LAYOUT, totals),
};
