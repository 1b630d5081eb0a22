import type { DatasetReader } from '../../core/datasets/dataset-reader.js';
import type { ModelPrompt, SampleScore, TaskDefinition, TaskDoc } from '../../core/task.js';
import { extractMultilingualAnswer } from './extract-multilingual-answer.js';
import { mmluDocFromRow, mmluTestFile } from './mmlu-data.js';
import type { MmluDoc } from './mmlu-data.js';
import { MMLU_CATEGORIES, MMLU_SUBJECT_CATEGORIES } from './mmlu-subjects.js';
import { normalizeResponse } from './normalize.js';
import { formatMultichoiceQuestion } from './query-template.js';
import { reportSimpleEvals, SIMPLE_EVALS_SCORE_KEY } from './report.js';
import type { SimpleEvalsReportLayout } from './report.js';

const REPORT_LAYOUT: SimpleEvalsReportLayout = {
  taskName: 'mmlu',
  categories: MMLU_CATEGORIES,
  macro: true,
  detailSubsets: Object.keys(MMLU_SUBJECT_CATEGORIES),
};

async function* mmluDocs(data: DatasetReader): AsyncGenerator<TaskDoc<MmluDoc>> {
  for (const [subject, category] of Object.entries(MMLU_SUBJECT_CATEGORIES)) {
    for await (const row of data.rows(mmluTestFile(subject))) {
      yield { id: `${subject}/${row.rowNumber - 1}`, doc: mmluDocFromRow(row, subject, category), subsets: [subject, category] };
    }
  }
}

function mmluPrompt(doc: MmluDoc): ModelPrompt {
  const content = formatMultichoiceQuestion({ Question: doc.question, A: doc.A, B: doc.B, C: doc.C, D: doc.D });
  return { kind: 'chat', messages: [{ role: 'user', content }] };
}

/**
 * Upstream scoring: `normalizeResponse`, then the first multilingual answer pattern that matches
 * (see `extractMultilingualAnswer`); 1 if the normalized capture equals the gold letter exactly
 * (case-sensitive), else 0, also when nothing matched. Records the capture as `answer`.
 */
function scoreMmlu(response: string, doc: MmluDoc): SampleScore {
  const answer = extractMultilingualAnswer(normalizeResponse(response));
  return { extracted: { answer }, scores: { [SIMPLE_EVALS_SCORE_KEY]: answer === doc.answer ? 1 : 0 } };
}

/**
 * MMLU, zero-shot chat, exactly as openai/simple-evals `mmlu_eval.py` (ee3b0318) scores it: one
 * user message with QUERY_TEMPLATE_MULTICHOICE, no system prompt, no stop sequences. Samples are
 * the 14,042 test questions of the 57 subjects, subject by subject in alphabetical order, as
 * NVIDIA's simple-evals loads `cais/mmlu` (so `limitSamples` = NeMo's `--first_n`); upstream reads
 * one `mmlu.csv` instead and has no `--first_n`.
 *
 * NVIDIA's `nvidia-simple-evals` (what NeMo Evaluator runs) differs in extraction: its pattern
 * template uses `\s*` (newlines allowed) between label and letter and also captures Bengali,
 * Devanagari, Cyrillic, Greek, Hebrew, Hangul, circled, Roman, Arabic-Indic, digit 1–4 and
 * lower-case a–d alternatives (scored 0, as they are never mapped to A–D); its label list drops
 * "الجواب النهائي:" and appends 28 more languages. It also sends a per-sample `seed`. This task
 * implements the upstream rules, not NVIDIA's.
 */
export const mmluTask: TaskDefinition<MmluDoc> = {
  name: 'mmlu',
  harness: 'simple_evals',
  description: 'MMLU (57 subjects, 14,042 questions), zero-shot chat with step-by-step reasoning and "Answer: X" extraction, as OpenAI simple-evals',
  version: '1',
  reference: 'openai/simple-evals@ee3b0318d8d1d9d72755a4120879be65f7c07e9e mmlu_eval.py, common.py',
  endpointTypes: ['chat'],
  defaults: {},
  docs: mmluDocs,
  createPrompter: async () => mmluPrompt,
  target: (doc) => doc.answer,
  score: scoreMmlu,
  report: (totals) => reportSimpleEvals(REPORT_LAYOUT, totals),
};
