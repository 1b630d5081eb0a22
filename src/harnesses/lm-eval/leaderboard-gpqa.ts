import type { Loglikelihood, TaskDefinition } from '../../core/task.js';
import { LEADERBOARD_GPQA_SUBTASKS, leaderboardGpqaDocs, type LeaderboardGpqaDoc } from './leaderboard-gpqa-data.js';
import { choiceRequests, scoreMultipleChoice } from './multiple-choice.js';
import { lmEvalReference } from './reference.js';
import { weightedGroupReport, type WeightedGroupLayout } from './weighted-group-report.js';

const GROUP = 'leaderboard_gpqa';
/** `doc_to_choice`; `doc_to_target: answer` names one of them. */
const CHOICES = ['(A)', '(B)', '(C)', '(D)'] as const;
const LEAVES = LEADERBOARD_GPQA_SUBTASKS.map((subtask) => subtask.name);
const REPORT_LAYOUT: WeightedGroupLayout = {
  leaves: LEAVES,
  groups: [{ name: GROUP, leaves: LEAVES }],
  aggregated: ['acc_norm,none'],
};

/**
 * `_template_yaml` `doc_to_text`:
 * `"What is the correct answer to this question:{{Question}}\nChoices:\n(A) {{choice1}}\n(B) {{choice2}}\n(C) {{choice3}}\n(D) {{choice4}}\nAnswer: "`
 * (double-quoted YAML: real line breaks; the trailing space is kept, and the log-likelihood payload
 * moves it into the continuation as lm-eval's `_encode_pair` does, giving `"  (A)"`).
 */
export function leaderboardGpqaText(doc: LeaderboardGpqaDoc): string {
  const [a, b, c, d] = doc.choices;
  return `What is the correct answer to this question:${doc.question}\nChoices:\n(A) ${a}\n(B) ${b}\n(C) ${c}\n(D) ${d}\nAnswer: `;
}

/**
 * NeMo's `gpqa`: lm-eval's `leaderboard_gpqa` group (`tasks/leaderboard/gpqa`, v1.0) on a
 * completions endpoint, 0-shot (the YAML's `num_fewshot: 0`, which `--num_fewshot` cannot
 * override). Its subtasks `leaderboard_gpqa_diamond` (198), `_extended` (546) and `_main` (448)
 * each score " (A)" … " (D)" after the question and its shuffled answers (see
 * `leaderboardGpqaDocs`), metric `acc_norm` (every choice has 3 characters, so it ranks as `acc`);
 * the group's `acc_norm` is weighted by size with lm-eval's pooled stderr. `limit_samples` N takes
 * the first N docs of each subtask, as `--limit`. The answer order follows lm-eval HEAD, which
 * builds the subtasks diamond, extended, main; releases up to 0.4.11 build them in reverse, which
 * shuffles other orders (docs/tasks/gpqa.md).
 */
export const leaderboardGpqa: TaskDefinition<LeaderboardGpqaDoc, readonly Loglikelihood[]> = {
  name: 'gpqa',
  harness: 'lm-evaluation-harness',
  description:
    'GPQA diamond+extended+main (1,192 questions), 0-shot log-likelihood of "(A)"-"(D)", acc_norm, answers shuffled as lm-eval HEAD (releases <= 0.4.11 shuffle differently) (lm-eval leaderboard_gpqa)',
  version: '1.0',
  reference: lmEvalReference('lm_eval/tasks/leaderboard/gpqa/_leaderboard_gpqa.yaml, _template_yaml, utils.py'),
  limitPerSubtask: true,
  endpointTypes: ['completions'],
  requiredCapabilities: ['logprobs'],
  defaults: {},
  docs: leaderboardGpqaDocs,
  createPrompter: async () => (doc) => ({ kind: 'loglikelihood', requests: choiceRequests(leaderboardGpqaText(doc), CHOICES) }),
  target: (doc) => doc.answer,
  score: (lls, doc) => scoreMultipleChoice(lls, CHOICES, (CHOICES as readonly string[]).indexOf(doc.answer), ['acc_norm']),
  report: (totals) => weightedGroupReport(REPORT_LAYOUT, totals),
};
