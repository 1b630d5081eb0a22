import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import type { ChatMessage } from '../../../src/core/task.js';
import { startFakeHub } from '../../core/datasets/hub-server.js';

/** A `TIGER-Lab/MMLU-Pro` row, columns in the hub parquet's order. */
export interface MmluProRow {
  question_id: number;
  question: string;
  options: string[];
  answer: string;
  answer_index: number;
  cot_content: string;
  category: string;
  src: string;
}

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/mmlu-pro/${name}`, import.meta.url), 'utf8'));

/**
 * `test/fixtures/mmlu-pro/{test,validation}.json`: hand-made rows in the hub's shape. The test
 * rows cover stripped and unstripped options, nine and four options, braces and `$` in a question,
 * and a category no lm-eval subtask takes; the validation rows interleave categories, and the
 * biology ones include a `cot_content` without the exact "A: Let's think step by step. " prefix,
 * one with it twice, and a sixth row `first_n` never reaches.
 */
export const MMLU_PRO_TEST_ROWS = fixture('test.json') as MmluProRow[];
export const MMLU_PRO_VALIDATION_ROWS = fixture('validation.json') as MmluProRow[];

/**
 * `test/fixtures/mmlu-pro/reference.json`, computed from the fixture rows by a throwaway Python
 * script (not kept) running the references' own code: lm-eval's `tasks/mmlu_pro/utils.py`
 * (`doc_to_text`, `fewshot_to_text`, `fewshot_to_target`, `process_docs`), the descriptions read
 * from the subtask YAMLs and rendered with lm-eval's Jinja environment, `Message`/`maybe_delimit`
 * from `api/utils.py` and a transcription of `fewshot_context`/`build_qa_turn` (api/task.py);
 * scores with lm-eval's `RegexFilter` and `exact_match_hf_evaluate` (NumPy 2.4) after cutting at
 * "Question:". For NVIDIA simple-evals: `PROMPT_TEMPLATE.format(**row)` with `None` for missing
 * options, upstream simple-evals' `normalize_response`/`normalize_extracted_answer` with
 * `re.search` of the AA pattern, and `SeedGenerator(42).get_seed(i)`; all under CPython 3.11.
 */
export interface MmluProReference {
  lmEval: {
    docs: Array<{ id: string; target: string; completions5: string; chat0: ChatMessage[]; chat2: ChatMessage[] }>;
    scoring: Array<{ response: string; gold: string; extracted: string; exact_match: number }>;
  };
  simpleEvals: {
    docs: Array<{ id: string; prompt: string; target: string }>;
    scoring: Array<{ response: string; gold: string; extracted: string | null; score: number }>;
    seeds: Array<[index: number, seed: number]>;
  };
}

export const MMLU_PRO_REFERENCE = fixture('reference.json') as MmluProReference;

/** Writes rows as a parquet file with the hub's column types (INT64 ids, a list of strings). */
export function writeMmluProParquet(path: string, rows: readonly MmluProRow[]): void {
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: 'question_id', data: rows.map((r) => BigInt(r.question_id)), type: 'INT64' },
      { name: 'question', data: rows.map((r) => r.question), type: 'STRING' },
      { name: 'options', data: rows.map((r) => r.options) },
      { name: 'answer', data: rows.map((r) => r.answer), type: 'STRING' },
      { name: 'answer_index', data: rows.map((r) => BigInt(r.answer_index)), type: 'INT64' },
      { name: 'cot_content', data: rows.map((r) => r.cot_content), type: 'STRING' },
      { name: 'category', data: rows.map((r) => r.category), type: 'STRING' },
      { name: 'src', data: rows.map((r) => r.src), type: 'STRING' },
    ],
  });
}

export interface MmluProHub {
  /** A fresh reader (empty data dir, its own cache) that downloads the fixtures from the fake hub. */
  reader(): DatasetReader;
  close(): Promise<void>;
}

const TOKEN = 'hf_mmluProFixtureToken';

/**
 * Serves the fixture rows as `TIGER-Lab/MMLU-Pro@main` `data/{test,validation}-00000-of-00001.parquet`
 * from a local fake hub (`validation` may be replaced, e.g. by a short pool).
 */
export async function serveMmluProHub(validation: readonly MmluProRow[] = MMLU_PRO_VALIDATION_ROWS): Promise<MmluProHub> {
  const scratch = await mkdtemp(join(tmpdir(), 'evalforge-mmlu-pro-'));
  const testPath = join(scratch, 'test.parquet');
  const validationPath = join(scratch, 'validation.parquet');
  writeMmluProParquet(testPath, MMLU_PRO_TEST_ROWS);
  writeMmluProParquet(validationPath, validation);
  const hub = await startFakeHub({
    token: TOKEN,
    repo: 'TIGER-Lab/MMLU-Pro',
    renamedRepo: 'TIGER-Lab/MMLU-Pro-old',
    revision: 'main',
    files: { 'data/test-00000-of-00001.parquet': testPath, 'data/validation-00000-of-00001.parquet': validationPath },
  });
  let readers = 0;
  return {
    reader: () => createDatasetReader({ dataDir: join(scratch, 'no-data'), cacheDir: join(scratch, `cache-${readers++}`), hfEndpoint: hub.endpoint, hfToken: TOKEN, offline: false }),
    close: async () => {
      await hub.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
