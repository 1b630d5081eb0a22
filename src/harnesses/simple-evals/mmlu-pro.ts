import type { DatasetReader } from '../../core/datasets/dataset-reader.js';
import type { SampleScore, TaskDefinition, TaskDoc } from '../../core/task.js';
import { MMLU_PRO_TEST, mmluProDocFromRow } from '../lm-eval/mmlu-pro-data.js';
import type { MmluProDoc } from '../lm-eval/mmlu-pro-data.js';
import { extractAaAnswer } from './mmlu-pro-extraction.js';
import { formatMmluProQuestion } from './mmlu-pro-template.js';
import { normalizeResponse } from './normalize.js';
import { nvidiaSampleSeed } from './nvidia-seed.js';
import { reportSimpleEvals, SIMPLE_EVALS_SCORE_KEY } from './report.js';
import type { SimpleEvalsReportLayout } from './report.js';

/** The newer NVIDIA version reports only the overall score: no categories, no macro mean. */
const REPORT_LAYOUT: SimpleEvalsReportLayout = { taskName: 'mmlu_pro', categories: [], macro: false, detailSubsets: [] };

/** The test rows in file order (the order `load_dataset(...).to_pandas()` keeps), id = 0-based row. */
async function* mmluProDocs(data: DatasetReader): AsyncGenerator<TaskDoc<MmluProDoc>> {
  for await (const row of data.rows(MMLU_PRO_TEST)) yield { id: String(row.rowNumber - 1), doc: mmluProDocFromRow(row) };
}

/**
 * NVIDIA's scoring: `normalizeResponse`, then `extractAaAnswer`; 1 if the capture equals the gold
 * letter exactly, else 0 (also when nothing matched). Records the capture as `answer`.
 */
export function scoreSimpleEvalsMmluPro(response: string, gold: string): SampleScore {
  const answer = extractAaAnswer(normalizeResponse(response));
  return { extracted: { answer }, scores: { [SIMPLE_EVALS_SCORE_KEY]: answer === gold ? 1 : 0 } };
}

/**
 * NeMo's `simple_evals.mmlu_pro`, as NVIDIA's simple-evals `evals/mmlu_pro_eval.py` runs it
 * (OpenAI's simple-evals has no MMLU-Pro; the source was read from the search index, not the
 * 26.03 container, so it is UNVERIFIED): the 12,032 `TIGER-Lab/MMLU-Pro` test questions in file
 * order, zero-shot, one user message (MMLU_PRO_QUERY_TEMPLATE with options A–J), no system prompt,
 * no stop sequences, and each request's `seed` from `nvidiaSampleSeed(index)`; the Artificial
 * Analysis pattern extracts the letter. `limitSamples` = NeMo's `--first_n`; NeMo's
 * `downsampling_ratio` and `custom_config` (the `_aa_v2`/`_aa_v3`/`_llama_4` variants) are not
 * implemented.
 */
export const simpleEvalsMmluPro: TaskDefinition<MmluProDoc> = {
  name: 'mmlu_pro',
  harness: 'simple_evals',
  description:
    'MMLU-Pro (12,032 questions, 10 options), zero-shot chat, "Answer: X" extraction with the Artificial Analysis pattern, as NVIDIA simple-evals (no upstream; UNVERIFIED against the NeMo container)',
  version: '1',
  reference: 'nvidia-simple-evals (no public repo) simple_evals/evals/mmlu_pro_eval.py, simple_evals/common.py, seed_generator.py',
  endpointTypes: ['chat'],
  defaults: {},
  docs: mmluProDocs,
  createPrompter: async () => (doc, index) => ({
    kind: 'chat',
    messages: [{ role: 'user', content: formatMmluProQuestion(doc.question, doc.options) }],
    seed: nvidiaSampleSeed(index),
  }),
  target: (doc) => doc.answer,
  score: (response, doc) => scoreSimpleEvalsMmluPro(response, doc.answer),
  report: (totals) => reportSimpleEvals(REPORT_LAYOUT, totals),
};
