import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringArrayField, stringField } from '../../core/datasets/row-fields.js';

/** One `TIGER-Lab/MMLU-Pro` row, the fields the MMLU-Pro tasks read. */
export interface MmluProDoc {
  question: string;
  /** Up to 10 options (a few rows have fewer), labelled A, B, … in order. */
  options: string[];
  /** The gold letter. */
  answer: string;
  /** The worked answer of a validation row ("A: Let's think step by step. …"); empty in test. */
  cotContent: string;
  /** One of MMLU_PRO_CATEGORIES for every published row, e.g. `computer science`. */
  category: string;
}

/**
 * The dataset's 14 `category` values in the order of lm-eval's `_mmlu_pro.yaml` group (its subtasks
 * are these names with spaces made underscores).
 */
export const MMLU_PRO_CATEGORIES = [
  'biology',
  'business',
  'chemistry',
  'computer science',
  'economics',
  'engineering',
  'health',
  'history',
  'law',
  'math',
  'other',
  'philosophy',
  'physics',
  'psychology',
] as const;

function mmluProFile(split: 'test' | 'validation'): DatasetFile {
  const path = `data/${split}-00000-of-00001.parquet`;
  return {
    name: `mmlu_pro/${split}`,
    local: { format: 'parquet', path: `mmlu_pro/${path}` },
    hub: { format: 'parquet', repo: 'TIGER-Lab/MMLU-Pro', revision: 'main', path },
  };
}

/** `TIGER-Lab/MMLU-Pro` split `test` (12,032 rows): the questions every MMLU-Pro task evaluates. */
export const MMLU_PRO_TEST: DatasetFile = mmluProFile('test');

/** `TIGER-Lab/MMLU-Pro` split `validation` (70 rows, 5 per category): lm-eval's few-shot pool. */
export const MMLU_PRO_VALIDATION: DatasetFile = mmluProFile('validation');

/** A row as an MmluProDoc, or a DatasetError naming the file, row and field. */
export function mmluProDocFromRow(row: DatasetRow): MmluProDoc {
  return {
    question: stringField(row, 'question'),
    options: stringArrayField(row, 'options'),
    answer: stringField(row, 'answer'),
    cotContent: stringField(row, 'cot_content'),
    category: stringField(row, 'category'),
  };
}

/** Every row of one MMLU-Pro file, in file order. */
export async function readMmluPro(data: DatasetReader, file: DatasetFile): Promise<MmluProDoc[]> {
  const docs: MmluProDoc[] = [];
  for await (const row of data.rows(file)) docs.push(mmluProDocFromRow(row));
  return docs;
}
