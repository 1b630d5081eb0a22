import type { DatasetReader } from '../../core/datasets/dataset-reader.js';
import type { EvaluationResult } from '../../core/config/schema.js';
import { scoreFromStats } from '../../core/results/score-stats.js';
import type { MetricTotals, ModelPrompt, TaskDefinition, TaskDoc } from '../../core/task.js';
import { LM_EVAL_COMMIT } from '../lm-eval/reference.js';
import { aime2024Docs, aime2025Docs } from './math-aime-data.js';
import { math500Docs, mathTestDocs } from './math-data.js';
import type { MathDoc } from './math-data.js';
import { formatMathQuestion } from './math-query-template.js';
import { mathRepeats } from './math-repeats.js';
import { scoreMathResponse } from './math-scorer.js';
import { createMathVerifier } from './math-verifier.js';
import { reportSimpleEvals } from './report.js';

const UPSTREAM = 'openai/simple-evals@ee3b0318d8d1d9d72755a4120879be65f7c07e9e math_eval.py, common.py';
const CHECKER_REFERENCE = `checker: EleutherAI/lm-evaluation-harness@${LM_EVAL_COMMIT} lm_eval/tasks/hendrycks_math/utils.py is_equiv`;
const CHECKER_NOTE = 'scored by upstream\'s LLM equality checker when a judge is configured (params.extra.judge), else by the rule-based Hendrycks MATH is_equiv';

interface MathTaskSpec {
  name: string;
  /** What the problems are; the prompt, extraction and checker are appended. */
  data: string;
  /** Where the data comes from, when not upstream's own CSV. */
  dataReference?: string;
  /** `n_samples` default (NeMo's catalogue value; upstream's for `math`). */
  samples: number;
  docs(data: DatasetReader): AsyncIterable<TaskDoc<MathDoc>>;
}

function mathPrompt(doc: MathDoc): ModelPrompt {
  return { kind: 'chat', messages: [{ role: 'user', content: formatMathQuestion(doc.question) }] };
}

/**
 * A simple-evals MathEval task (`math_eval.py`, ee3b0318): one user message with QUERY_TEMPLATE,
 * no system prompt, no stop sequences; `n_samples` samples per problem; the answer is the first
 * `Answer:` line (ANSWER_PATTERN) and is checked against the gold answer by the rule-based Hendrycks
 * `is_equiv` instead of upstream's LLM checker (see `scoreMathResponse`); `score` is the mean over
 * all samples, reported as NeMo does (`tasks` = `groups`, no categories).
 */
function simpleEvalsMathTask(spec: MathTaskSpec): TaskDefinition<MathDoc> {
  const layout = { taskName: spec.name, categories: [], macro: false, detailSubsets: [] };
  return {
    name: spec.name,
    harness: 'simple_evals',
    description: `${spec.data}, zero-shot chat with step-by-step reasoning and an "Answer:" line, ${CHECKER_NOTE}`,
    version: '1',
    reference: [UPSTREAM, spec.dataReference, CHECKER_REFERENCE].filter(Boolean).join('; '),
    endpointTypes: ['chat'],
    defaults: { extra: { n_samples: spec.samples } },
    docs: spec.docs,
    createPrompter: async () => mathPrompt,
    target: (doc) => doc.answer,
    score: (response, doc) => scoreMathResponse(response, doc.answer),
    // Upstream's LLM equality checker when a judge is configured; the rule-based one otherwise.
    judge: { request_timeout: 600, max_retries: 16, temperature: 0, top_p: 0.0001, max_tokens: 1024 },
    judgeOptional: true,
    createVerifier: async (ctx) => createMathVerifier(ctx),
    samplesPerDoc: mathRepeats,
    report: (totals) => withUnparsableShare(reportSimpleEvals(layout, totals), spec.name, totals),
  };
}

/** Adds the share of judge replies that were neither "yes" nor "no" to the task's group, when a judge scored. */
function withUnparsableShare(result: EvaluationResult, name: string, totals: MetricTotals): EvaluationResult {
  const stats = totals.get('')?.get('judge_unparsable');
  const group = result.groups?.[name];
  if (!stats || stats.count === 0 || !group) return result;
  group.metrics.judge_unparsable = { scores: { micro: scoreFromStats(stats) } };
  return result;
}

const NVIDIA_DATA = 'data as nvidia-simple-evals evals/math_eval.py loads it';

/** NeMo `math_test_500`: MATH-500 (`HuggingFaceH4/MATH-500` test), 1 sample per problem. */
export const mathTest500Task = simpleEvalsMathTask({
  name: 'math_test_500',
  data: 'MATH-500 (500 competition problems)',
  dataReference: NVIDIA_DATA,
  samples: 1,
  docs: math500Docs,
});

/**
 * Upstream `simple_evals.py --eval math`: the full MATH test split (its `split` argument is never
 * passed, so `math_test.csv`, not MATH-500), with upstream's CLI default of 10 repeats. Not in
 * NeMo's catalogue. The gold answers are derived from the solutions (`mathGoldAnswer`) and equal
 * upstream's `Answer` column.
 */
export const mathTask = simpleEvalsMathTask({
  name: 'math',
  data: 'MATH (the full 5,000-problem test split)',
  samples: 10,
  docs: mathTestDocs,
});

/** NeMo `AIME_2024`: the 30 AIME 2024 problems of `AI-MO/aimo-validation-aime`, 1 sample per problem. */
export const aime2024Task = simpleEvalsMathTask({
  name: 'AIME_2024',
  data: 'AIME 2024 (30 problems, integer answers)',
  dataReference: NVIDIA_DATA,
  samples: 1,
  docs: aime2024Docs,
});

/** NeMo `AIME_2025`: AIME 2025 I and II (`opencompass/AIME2025`), 10 samples per problem. */
export const aime2025Task = simpleEvalsMathTask({
  name: 'AIME_2025',
  data: 'AIME 2025 I and II (30 problems, integer answers)',
  dataReference: NVIDIA_DATA,
  samples: 10,
  docs: aime2025Docs,
});
