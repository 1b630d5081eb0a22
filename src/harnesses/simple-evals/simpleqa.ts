import { askForVerdict } from '../../core/judge/ask-for-verdict.js';
import type { EvaluationResult, MetricResult, Score } from '../../core/config/schema.js';
import { bootstrappedScores, sampleValues } from '../../core/results/bootstrap-score.js';
import { emptyStats, scoreFromStats } from '../../core/results/score-stats.js';
import type { ResampleStatistic } from '../../core/stats/bootstrap.js';
import type { MetricStats, MetricTotals, SampleScore, SampleVerifier, TaskDefinition, VerifierContext } from '../../core/task.js';
import { formatPythonTemplate } from './python-format.js';
import { SIMPLE_EVALS_SCORE_KEY } from './report.js';
import { simpleqaDocs, type SimpleqaDoc } from './simpleqa-data.js';
import { readSimpleqaGrade, type SimpleqaGrade } from './simpleqa-grade.js';
import { SIMPLEQA_GRADER_TEMPLATE } from './simpleqa-grader-template.js';

const TASK = 'simpleqa';
/** Upstream's grader sampler system message (`OPENAI_SYSTEM_MESSAGE_API`). */
const GRADER_SYSTEM_MESSAGE = 'You are a helpful assistant.';
const GRADE_METRICS: Readonly<Record<SimpleqaGrade, string>> = { CORRECT: 'is_correct', INCORRECT: 'is_incorrect', NOT_ATTEMPTED: 'is_not_attempted' };
const UNPARSABLE = 'judge_unparsable';

/** The grader's messages for one answer: upstream's system message, then the filled template. */
export function simpleqaGraderMessages(doc: SimpleqaDoc, predicted: string) {
  const content = formatPythonTemplate(SIMPLEQA_GRADER_TEMPLATE, { question: doc.problem, target: doc.answer, predicted_answer: predicted });
  return [
    { role: 'system' as const, content: GRADER_SYSTEM_MESSAGE },
    { role: 'user' as const, content },
  ];
}

/** The per-sample scores of a grade: upstream's three indicators, `score` = is_correct, and whether the reply was unreadable. */
function gradeScores(grade: SimpleqaGrade, unparsable: boolean): Record<string, number> {
  const scores: Record<string, number> = { [SIMPLE_EVALS_SCORE_KEY]: grade === 'CORRECT' ? 1 : 0, [UNPARSABLE]: unparsable ? 1 : 0 };
  for (const [name, metric] of Object.entries(GRADE_METRICS)) scores[metric] = name === grade ? 1 : 0;
  return scores;
}

function createSimpleqaVerifier(ctx: VerifierContext): SampleVerifier<SimpleqaDoc> {
  const { judge, signal } = ctx;
  if (!judge) throw new Error('simpleqa: the run gave the verifier no judge (the task declares one)');
  return {
    async verify(_scored: SampleScore, doc: SimpleqaDoc, response): Promise<SampleScore> {
      const verdict = await askForVerdict(judge, simpleqaGraderMessages(doc, response as string), readSimpleqaGrade, signal);
      const { value: grade, unparsable } = verdict;
      return {
        extracted: { grade },
        scores: gradeScores(grade, unparsable),
        details: { judge_reply: verdict.reply, ...(verdict.asks > 1 ? { judge_asks: verdict.asks } : {}) },
      };
    },
    describe: () => ({ unparsable_judge_replies: 'graded NOT_ATTEMPTED, as simple-evals does' }),
    close: async () => {},
  };
}

/** Upstream's printed figures from the shares of correct and incorrect grades. */
function attemptedFigures(correct: number, incorrect: number): { aga: number; f1: number } {
  const attempted = correct + incorrect;
  const aga = attempted > 0 ? correct / attempted : 0;
  return { aga, f1: aga + correct > 0 ? (2 * aga * correct) / (aga + correct) : 0 };
}

/**
 * One of the figures over resampled samples, from the kept per-sample `is_correct` and
 * `is_incorrect` values; undefined when the totals do not hold them.
 */
function resampledFigure(totals: MetricTotals, figure: 'aga' | 'f1'): ResampleStatistic | undefined {
  const correct = sampleValues(totals, 'is_correct');
  const incorrect = sampleValues(totals, 'is_incorrect');
  if (!correct || !incorrect) return undefined;
  return (indices) => {
    let correctSum = 0;
    let incorrectSum = 0;
    for (const i of indices) {
      correctSum += correct[i] as number;
      incorrectSum += incorrect[i] as number;
    }
    return attemptedFigures(correctSum / indices.length, incorrectSum / indices.length)[figure];
  };
}

/**
 * NeMo's simple-evals layout (`groups.simpleqa.metrics.score.scores.micro` = share correct; tasks
 * `is_correct`, `is_incorrect`, `is_not_attempted`), plus the two figures upstream prints from the
 * means: `accuracy_given_attempted` = correct / (correct + incorrect) (0 when nothing was
 * attempted) and `f1` = 2·aga·correct / (aga + correct) (0 when both are 0), each with `count` =
 * graded samples and a bootstrap `stderr` (bootstrappedScores; upstream reports none); and the share
 * of grader replies with no readable grade (`judge_unparsable`), counted as NOT_ATTEMPTED.
 */
function reportSimpleqa(totals: MetricTotals): EvaluationResult {
  const whole = (key: string) => totals.get('')?.get(key) ?? emptyStats();
  const micro = (key: string): MetricResult => ({ scores: { micro: scoreFromStats(whole(key)) } });
  const correct = whole('is_correct');
  const share = (stats: MetricStats) => (stats.count > 0 ? stats.sum / stats.count : 0);
  const figures = attemptedFigures(share(correct), share(whole('is_incorrect')));
  const [aga, f1] = bootstrappedScores(correct.count, [
    { value: figures.aga, statistic: resampledFigure(totals, 'aga') },
    { value: figures.f1, statistic: resampledFigure(totals, 'f1') },
  ]) as [Score, Score];
  return {
    groups: {
      [TASK]: {
        metrics: {
          score: micro(SIMPLE_EVALS_SCORE_KEY),
          accuracy_given_attempted: { scores: { micro: aga } },
          f1: { scores: { micro: f1 } },
          [UNPARSABLE]: micro(UNPARSABLE),
        },
      },
    },
    tasks: Object.fromEntries(Object.values(GRADE_METRICS).map((metric) => [metric, { metrics: { score: micro(metric) } }])),
  };
}

/**
 * SimpleQA as openai/simple-evals `simpleqa_eval.py` (ee3b0318) runs it: the question alone as the
 * user message, the whole reply graded by a judge model with upstream's GRADER_TEMPLATE (after
 * upstream's grader system message), the grade read as the first capital A, B or C in the judge's
 * reply (none: NOT_ATTEMPTED, as upstream). The judge comes from `config.params.extra.judge` or
 * `target.judge`; its defaults are NeMo's simple_evals judge settings.
 */
export const simpleqaTask: TaskDefinition<SimpleqaDoc> = {
  name: TASK,
  harness: 'simple_evals',
  description: 'SimpleQA (4,326 short factual questions), answers graded CORRECT / INCORRECT / NOT_ATTEMPTED by a judge model, as OpenAI simple-evals',
  version: '1',
  reference: 'openai/simple-evals@ee3b0318d8d1d9d72755a4120879be65f7c07e9e simpleqa_eval.py',
  endpointTypes: ['chat'],
  defaults: {},
  judge: { request_timeout: 600, max_retries: 16, temperature: 0, top_p: 0.0001, max_tokens: 1024 },
  docs: simpleqaDocs,
  createPrompter: async () => (doc) => ({ kind: 'chat', messages: [{ role: 'user', content: doc.problem }] }),
  target: (doc) => doc.answer,
  // The grade needs the judge: the verifier fills in the scores.
  score: () => ({ extracted: {}, scores: {} }),
  createVerifier: async (ctx) => createSimpleqaVerifier(ctx),
  sampleValueKeys: ['is_correct', 'is_incorrect'],
  report: reportSimpleqa,
};
