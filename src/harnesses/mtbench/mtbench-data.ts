import type { DatasetReader, DatasetRow, LocalDatasetFile } from '../../core/datasets/dataset-reader.js';
import { stringArrayField, stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import type { TaskDoc } from '../../core/task.js';

/** FastChat's `NEED_REF_CATS` for MT-Bench: categories judged against a reference answer. */
export const NEED_REF_CATS: readonly string[] = ['math', 'reasoning', 'coding'];

/** One MT-Bench question: its two user turns and, for NEED_REF_CATS, gpt-4's reference answer per turn. */
export interface MtbenchDoc {
  questionId: number;
  category: string;
  turns: readonly [string, string];
  /** `reference_answer/gpt-4.jsonl` `choices[0].turns`, for math, reasoning and coding only. */
  reference?: readonly [string, string];
}

const SOURCE_FIX =
  'set EVALFORGE_DATA_DIR to a folder holding mt_bench/question.jsonl and mt_bench/reference_answer/gpt-4.jsonl, byte-for-byte copies of lm-sys/FastChat fastchat/llm_judge/data/mt_bench/ (commit 0e6d3e4b); MT-Bench has no Hugging Face dataset copy that evalforge reads';

/**
 * The 80 questions (FastChat `data/mt_bench/question.jsonl`). FastChat's data is not on the Hugging
 * Face hub as a dataset, so it is read from `$EVALFORGE_DATA_DIR/mt_bench/` only.
 */
export const MTBENCH_QUESTIONS: LocalDatasetFile = { name: 'mt_bench/question', local: { format: 'jsonl', path: 'mt_bench/question.jsonl' } };

/** The 30 gpt-4 reference answers (FastChat `data/mt_bench/reference_answer/gpt-4.jsonl`), ids 101–130. */
export const MTBENCH_REFERENCES: LocalDatasetFile = {
  name: 'mt_bench/reference_answer/gpt-4',
  local: { format: 'jsonl', path: 'mt_bench/reference_answer/gpt-4.jsonl' },
};

/**
 * `data.rows(file)`, with the reader's "not found" (a DatasetError about the file itself, no row)
 * restated to say where MT-Bench's files must be, since no hub copy can stand in for them.
 */
async function* rowsOf(data: DatasetReader, file: LocalDatasetFile): AsyncGenerator<DatasetRow> {
  try {
    yield* data.rows(file);
  } catch (error) {
    if (error instanceof DatasetError && error.row === undefined && error.location === file.local.path) {
      throw new DatasetError(`MT-Bench data file ${file.local.path} not found under EVALFORGE_DATA_DIR`, file.local.path, undefined, SOURCE_FIX);
    }
    throw error;
  }
}

function twoTurns(row: DatasetRow, turns: string[], field: string): readonly [string, string] {
  if (turns.length !== 2) {
    throw new DatasetError(`${row.location}, row ${row.rowNumber}: ${field} has ${turns.length} entries, MT-Bench needs 2`, row.location, row.rowNumber, SOURCE_FIX);
  }
  return [turns[0] as string, turns[1] as string];
}

function questionId(row: DatasetRow): number {
  const id = row.row.question_id;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    throw new DatasetError(`${row.location}, row ${row.rowNumber}: field "question_id" is missing or not an integer`, row.location, row.rowNumber, SOURCE_FIX);
  }
  return id;
}

/** Reference answers by question id: `choices[0].turns` of each row. */
async function readReferences(data: DatasetReader): Promise<Map<number, readonly [string, string]>> {
  const references = new Map<number, readonly [string, string]>();
  for await (const row of rowsOf(data, MTBENCH_REFERENCES)) {
    const choices = row.row.choices;
    const first = Array.isArray(choices) ? (choices[0] as Record<string, unknown> | undefined) : undefined;
    const turns = first?.turns;
    if (!Array.isArray(turns) || !turns.every((t) => typeof t === 'string')) {
      throw new DatasetError(`${row.location}, row ${row.rowNumber}: field "choices[0].turns" is missing or not a list of strings`, row.location, row.rowNumber, SOURCE_FIX);
    }
    references.set(questionId(row), twoTurns(row, turns, 'choices[0].turns'));
  }
  return references;
}

/**
 * The questions in file order; a doc's id is its `question_id` and its subset its category. A
 * question of a NEED_REF_CATS category without a reference answer is a DatasetError, as FastChat's
 * `check_data` refuses it.
 */
export async function* mtbenchDocs(data: DatasetReader): AsyncGenerator<TaskDoc<MtbenchDoc>> {
  const references = await readReferences(data);
  for await (const row of rowsOf(data, MTBENCH_QUESTIONS)) {
    const id = questionId(row);
    const category = stringField(row, 'category');
    const doc: MtbenchDoc = { questionId: id, category, turns: twoTurns(row, stringArrayField(row, 'turns'), 'turns') };
    if (NEED_REF_CATS.includes(category)) {
      const reference = references.get(id);
      if (!reference) {
        throw new DatasetError(`${row.location}, row ${row.rowNumber}: question ${id} (${category}) has no reference answer in ${MTBENCH_REFERENCES.local.path}`, row.location, row.rowNumber, SOURCE_FIX);
      }
      doc.reference = reference;
    }
    yield { id: String(id), doc, subsets: [category] };
  }
}
