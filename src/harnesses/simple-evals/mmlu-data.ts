import type { DatasetFile, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import type { MmluCategory } from './mmlu-subjects.js';

export type MmluLetter = 'A' | 'B' | 'C' | 'D';

/** One MMLU test question. */
export interface MmluDoc {
  subject: string;
  category: MmluCategory;
  question: string;
  A: string;
  B: string;
  C: string;
  D: string;
  /** The gold letter. */
  answer: MmluLetter;
}

const LETTERS: readonly MmluLetter[] = ['A', 'B', 'C', 'D'];

/** The row shape both copies are normalized to (the original data.tar CSV layout). */
const CSV_COLUMNS = ['question', 'A', 'B', 'C', 'D', 'answer'] as const;

function fromCsv(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CSV_COLUMNS.map((column) => [column, raw[column]]));
}

/** `cais/mmlu` parquet: `choices` (4 strings) spread into A–D and the 0–3 `answer` index made a letter, as NVIDIA's simple-evals does. */
function fromHub(raw: Record<string, unknown>): Record<string, unknown> {
  const { choices, answer } = raw;
  if (!Array.isArray(choices) || choices.length !== LETTERS.length) throw new Error('"choices" is not a list of 4 options');
  if (typeof answer !== 'number' || LETTERS[answer] === undefined) throw new Error('"answer" is not an index from 0 to 3');
  const [A, B, C, D] = choices as unknown[];
  return { question: raw.question, A, B, C, D, answer: LETTERS[answer] };
}

/**
 * The test split of one subject: locally `mmlu/test/<subject>_test.csv` (no header; question, A–D,
 * answer letter), on the hub `cais/mmlu` `<subject>/test-00000-of-00001.parquet`. Both normalize
 * to `{question, A, B, C, D, answer}` with a letter answer, so provenance hashes agree.
 */
export function mmluTestFile(subject: string): DatasetFile {
  return {
    name: `mmlu/test/${subject}`,
    local: { path: `mmlu/test/${subject}_test.csv`, format: 'csv', csvColumns: CSV_COLUMNS, normalize: fromCsv },
    hub: { repo: 'cais/mmlu', revision: 'main', path: `${subject}/test-00000-of-00001.parquet`, format: 'parquet', normalize: fromHub },
  };
}

/** A normalized row as an MmluDoc, or a DatasetError naming the file, row and field. */
export function mmluDocFromRow(row: DatasetRow, subject: string, category: MmluCategory): MmluDoc {
  const answer = stringField(row, 'answer');
  if (!(LETTERS as readonly string[]).includes(answer)) {
    throw new DatasetError(
      `${row.location}, row ${row.rowNumber}: answer ${JSON.stringify(answer)} is not one of A, B, C, D`,
      row.location,
      row.rowNumber,
      'use the MMLU test files in their original layout (question, A, B, C, D, answer letter)',
    );
  }
  return {
    subject,
    category,
    question: stringField(row, 'question'),
    A: stringField(row, 'A'),
    B: stringField(row, 'B'),
    C: stringField(row, 'C'),
    D: stringField(row, 'D'),
    answer: answer as MmluLetter,
  };
}
