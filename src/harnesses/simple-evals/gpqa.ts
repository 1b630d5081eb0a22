import type { ConfigParams, EvaluationResult, GroupResult, MetricResult } from '../../core/config/schema.js';
import type { DatasetReader } from '../../core/datasets/dataset-reader.js';
import { ConfigError } from '../../core/errors.js';
import { pythonLen } from '../../core/python/python-len.js';
import { scoreFromStats } from '../../core/results/score-stats.js';
import type { MetricTotals, ModelPrompt, SampleScore, TaskDefinition, TaskDoc } from '../../core/task.js';
import { readGpqaRecords } from './gpqa-data.js';
import type { GpqaSubset } from './gpqa-data.js';
import { gpqaExamples } from './gpqa-examples.js';
import type { GpqaExample } from './gpqa-examples.js';
import { extractGpqaAnswer } from './gpqa-extract-answer.js';
import { formatMultichoiceQuestion } from './query-template.js';
import { reportSimpleEvals, SIMPLE_EVALS_SCORE_KEY } from './report.js';

/** Per-sample metric upstream records next to `score`: the response length in code points. */
export const GPQA_CHARS_KEY = 'chars';

/**
 * How many passes over the set a run makes: `params.extra.n_samples` (NeMo's `--num_repeats`,
 * default 1 for gpqa_diamond, gpqa_main and gpqa_extended). Upstream repeats the whole list and then
 * shuffles every entry in order with one `Random(0)` stream, so each pass has its own permutations.
 */
function repeats(params: ConfigParams | undefined): number {
  const value = params?.extra?.n_samples ?? 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigError('config.params.extra.n_samples', `must be a whole number ≥ 1, got ${JSON.stringify(value)}`, 'set it to e.g. 1 or 5, or remove it for one pass');
  }
  return value;
}

async function* gpqaDocs(data: DatasetReader, subset: GpqaSubset, params: ConfigParams | undefined): AsyncGenerator<TaskDoc<GpqaExample>> {
  for (const example of gpqaExamples(await readGpqaRecords(data, subset), repeats(params))) {
    yield { id: `${example.row}/${example.repeat}`, doc: example };
  }
}

function gpqaPrompt(example: GpqaExample): ModelPrompt {
  const [A, B, C, D] = example.choices;
  return { kind: 'chat', messages: [{ role: 'user', content: formatMultichoiceQuestion({ Question: example.question, A, B, C, D }) }] };
}

/**
 * Upstream scoring: the first `ANSWER_PATTERN_MULTICHOICE` match in the raw response (see
 * `extractGpqaAnswer`), `score` 1 if it equals the gold letter else 0 (also when nothing
 * matched); `chars` = the response's length in code points (Python `len`).
 */
function scoreGpqa(response: string, example: GpqaExample): SampleScore {
  const answer = extractGpqaAnswer(response);
  return {
    extracted: { answer },
    scores: { [SIMPLE_EVALS_SCORE_KEY]: answer === example.answer ? 1 : 0, [GPQA_CHARS_KEY]: pythonLen(response) },
  };
}

/**
 * NeMo's layout for a simple-evals task without categories: `groups` and `tasks` both hold
 * `<taskName>.metrics.score.scores.micro`. Upstream's other metric, `chars` (mean response length),
 * is added beside `score` in both; NVIDIA's simple-evals does not report it.
 */
function reportGpqa(taskName: string, totals: MetricTotals): EvaluationResult {
  const result = reportSimpleEvals({ taskName, categories: [], macro: false, detailSubsets: [] }, totals);
  const chars = totals.get('')?.get(GPQA_CHARS_KEY);
  if (!chars || chars.count === 0) return result;
  const charsMetric: MetricResult = { scores: { micro: scoreFromStats(chars) } };
  const withChars = (entry: GroupResult): GroupResult => ({ ...entry, metrics: { ...entry.metrics, [GPQA_CHARS_KEY]: charsMetric } });
  return {
    groups: Object.fromEntries(Object.entries(result.groups).map(([name, group]) => [name, withChars(group)])),
    tasks: Object.fromEntries(Object.entries(result.tasks).map(([name, task]) => [name, withChars(task)])),
  };
}

/**
 * GPQA as openai/simple-evals `gpqa_eval.py` (ee3b0318) runs it, on one set: zero-shot chat, one
 * user message with QUERY_TEMPLATE_MULTICHOICE, no system prompt, no stop sequences; the choices
 * shuffled by upstream's `random.Random(0)` permutations (see `gpqaExamples`); extraction and
 * scoring as `scoreGpqa`. `n_samples` passes over the set (see `repeats`); sample ids are
 * `<row>/<pass>`, and `limit_samples` counts samples of the repeated list, as NVIDIA's `--first_n`. The questions are read from the official zip (or the gated hub copy) in memory
 * only.
 *
 * NeMo runs NVIDIA's build, which loads the hub `Idavidrein/gpqa` `train` split (the same rows in
 * the same order, so the same permutations), matches `Answer: X` without the `\$?`, sends a
 * per-sample `seed` and reports no `chars`. This task implements the upstream rules.
 */
function gpqaTask(subset: GpqaSubset, count: number): TaskDefinition<GpqaExample> {
  const name = `gpqa_${subset}`;
  return {
    name,
    harness: 'simple_evals',
    description: `GPQA ${subset} (${count} questions), zero-shot chat with shuffled choices and "Answer: X" extraction, as OpenAI simple-evals`,
    version: '1',
    reference: 'openai/simple-evals@ee3b0318d8d1d9d72755a4120879be65f7c07e9e gpqa_eval.py, common.py',
    endpointTypes: ['chat'],
    defaults: {},
    docs: (data, params) => gpqaDocs(data, subset, params),
    createPrompter: async () => gpqaPrompt,
    target: (example) => example.answer,
    score: scoreGpqa,
    report: (totals) => reportGpqa(name, totals),
  };
}

export const gpqaDiamond = gpqaTask('diamond', 198);
export const gpqaMain = gpqaTask('main', 448);
export const gpqaExtended = gpqaTask('extended', 546);
