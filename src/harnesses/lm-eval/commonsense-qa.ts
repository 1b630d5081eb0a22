import { pythonStrip } from '../../core/python/python-strip.js';
import type { Loglikelihood, TaskDefinition } from '../../core/task.js';
import { COMMONSENSE_QA_VALIDATION, commonsenseQaDocs, commonsenseQaTrainPool, type CommonsenseQaDoc } from './commonsense-qa-data.js';
import { evalDocExcludingShots } from './eval-doc-excluding-shots.js';
import { fewshotText, type FewshotLayout } from './fewshot-context.js';
import { choiceRequests, scoreMultipleChoice } from './multiple-choice.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';

const TASK = 'commonsense_qa';
/** NeMo's `commonsense_qa` passes `--num_fewshot 7`; the YAML sets none. */
const NEMO_NUM_FEWSHOT = 7;
/** `doc_to_choice`; the target letter's position in it is the gold index. */
const CHOICES = ['A', 'B', 'C', 'D', 'E'] as const;
const LAYOUT: FewshotLayout = { targetDelimiter: ' ', fewshotDelimiter: '\n\n' };

/**
 * `doc_to_text`: `"Question: {{ question.strip() }}\nA. {{choices['text'][0]}}\n…\nE.
 * {{choices['text'][4]}}\nAnswer:"` (double-quoted YAML, so real line breaks; Python `str.strip`).
 */
export function commonsenseQaText(doc: CommonsenseQaDoc): string {
  const lines = CHOICES.map((letter, i) => `${letter}. ${doc.choiceTexts[i]}`);
  return `Question: ${pythonStrip(doc.question)}\n${lines.join('\n')}\nAnswer:`;
}

/** `process_results`' gold: the index of `answerKey` in A–E, or lm-eval's -100 (scores 0) when it is none of them. */
function gold(doc: CommonsenseQaDoc): number {
  return (CHOICES as readonly string[]).indexOf(doc.answerKey);
}

/**
 * lm-eval `commonsense_qa` (`tasks/commonsense_qa/default.yaml`) as NeMo runs it: log-likelihood
 * multiple choice over `tau/commonsense_qa` validation (1,221 questions), context = shots + the
 * question with its five answers + "Answer:", one continuation per letter (" A" … " E"), metric
 * `acc`. Shots (7 by default, NeMo's `--num_fewshot 7`) are `doc_to_text + " " + answerKey + "\n\n"`
 * each (no delimiters for an empty key, as `build_qa_turn`), drawn per doc from train with lm-eval's
 * n + 1 draw from one `Random(1234)` that drops the eval doc (see evalDocExcludingShots).
 */
export const commonsenseQa: TaskDefinition<CommonsenseQaDoc, readonly Loglikelihood[]> = {
  name: TASK,
  harness: 'lm-evaluation-harness',
  description: 'CommonsenseQA validation (1,221 questions), log-likelihood of the answer letter A-E, acc, 7-shot from train (lm-eval commonsense_qa, as NeMo runs it)',
  version: '1.0',
  reference: lmEvalReference('lm_eval/tasks/commonsense_qa/default.yaml'),
  endpointTypes: ['completions'],
  requiredCapabilities: ['logprobs'],
  defaults: { extra: { num_fewshot: NEMO_NUM_FEWSHOT } },
  docs: (data) => commonsenseQaDocs(data, COMMONSENSE_QA_VALIDATION),
  async createPrompter(ctx) {
    const shotsFor = await evalDocExcludingShots(resolveNumFewshot(ctx.params, undefined), () => commonsenseQaTrainPool(ctx.data));
    return (doc, index) => {
      const shots = shotsFor(doc, index).map((shot) => ({ question: commonsenseQaText(shot), answer: shot.answerKey }));
      return { kind: 'loglikelihood', requests: choiceRequests(fewshotText(shots, commonsenseQaText(doc), LAYOUT), CHOICES, LAYOUT.targetDelimiter) };
    };
  },
  target: (doc) => doc.answerKey,
  score: (lls, doc) => scoreMultipleChoice(lls, CHOICES, gold(doc), ['acc']),
  report: (totals) => lmEvalTaskReport(TASK, totals),
};
