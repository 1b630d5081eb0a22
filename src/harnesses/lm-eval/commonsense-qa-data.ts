import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringArrayField, stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import type { TaskDoc } from '../../core/task.js';
import type { RowBackedDoc } from './eval-doc-excluding-shots.js';

/** A CommonsenseQA row as lm-eval's `commonsense_qa` task reads it (no `process_docs`). */
export interface CommonsenseQaDoc extends RowBackedDoc {
  question: string;
  /** `choices['text']`, the five answers shown as A–E. */
  choiceTexts: string[];
  /** `doc_to_target: answerKey`, a letter that `process_results` looks up in A–E. */
  answerKey: string;
}

type CommonsenseQaSplit = 'validation' | 'train';

/** The hub row with `choices` (a struct of two lists) as plain arrays, whatever list type the reader yields. */
function plainChoices(raw: Record<string, unknown>): Record<string, unknown> {
  const choices = raw.choices as { label?: unknown; text?: unknown } | null | undefined;
  if (choices === null || typeof choices !== 'object') return raw;
  const list = (value: unknown) => (value !== null && typeof value === 'object' && Symbol.iterator in value ? Array.from(value as Iterable<unknown>) : value);
  return { ...raw, choices: { label: list(choices.label), text: list(choices.text) } };
}

/**
 * `tau/commonsense_qa` (no config) split `split`: the hub's parquet (columns `id, question,
 * question_concept, choices {label, text}, answerKey`), or the same file at `commonsense_qa/data/…`
 * under EVALFORGE_DATA_DIR.
 */
function commonsenseQaFile(split: CommonsenseQaSplit): DatasetFile {
  const path = `data/${split}-00000-of-00001.parquet`;
  return {
    name: `commonsense_qa/${split}`,
    local: { format: 'parquet', path: `commonsense_qa/${path}`, normalize: plainChoices },
    hub: { format: 'parquet', repo: 'tau/commonsense_qa', revision: 'main', path, normalize: plainChoices },
  };
}

/** The split lm-eval evaluates (`validation_split: validation`, no test split; 1,221 rows). */
export const COMMONSENSE_QA_VALIDATION = commonsenseQaFile('validation');

/** lm-eval's few-shot pool (`training_split: train`; 9,741 rows). */
export const COMMONSENSE_QA_TRAIN = commonsenseQaFile('train');

/**
 * A row as a CommonsenseQaDoc, or a DatasetError naming the file, row and field: the template
 * renders `choices['text'][0]` to `[4]` (lm-eval's StrictUndefined fails on fewer), so a row needs
 * at least five answer texts.
 */
export function commonsenseQaDocFromRow(row: DatasetRow): CommonsenseQaDoc {
  const choices = row.row.choices;
  const choiceTexts = stringArrayField({ ...row, row: choices !== null && typeof choices === 'object' ? (choices as Record<string, unknown>) : {} }, 'text');
  if (choiceTexts.length < 5) {
    throw new DatasetError(
      `${row.location}, row ${row.rowNumber}: field "choices" has ${choiceTexts.length} answer texts, not 5`,
      row.location,
      row.rowNumber,
      'give every row a "choices" struct with five "text" entries (is this the right file for the task?)',
    );
  }
  return { question: stringField(row, 'question'), choiceTexts, answerKey: stringField(row, 'answerKey'), row: row.row };
}

/** The docs of one split in file order; a doc's id is its CommonsenseQA id. */
export async function* commonsenseQaDocs(data: DatasetReader, file: DatasetFile): AsyncGenerator<TaskDoc<CommonsenseQaDoc>> {
  for await (const row of data.rows(file)) {
    const doc = commonsenseQaDocFromRow(row);
    yield { id: stringField(row, 'id'), doc };
  }
}

/** The train split in file order (the few-shot pool). */
export async function commonsenseQaTrainPool(data: DatasetReader): Promise<CommonsenseQaDoc[]> {
  const pool: CommonsenseQaDoc[] = [];
  for await (const { doc } of commonsenseQaDocs(data, COMMONSENSE_QA_TRAIN)) pool.push(doc);
  return pool;
}
