import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringArrayField, stringField } from '../../core/datasets/row-fields.js';
import type { TaskDoc } from '../../core/task.js';
import type { RowBackedDoc } from './eval-doc-excluding-shots.js';
import { hellaswagPreprocess, hellaswagQuery } from './hellaswag-preprocess.js';
import { digitLabelField, goldChoice } from './label-fields.js';

/** A HellaSwag row after lm-eval's `process_docs`. */
export interface HellaswagDoc extends RowBackedDoc {
  /** `doc_to_text`: `preprocess(activity_label + ": " + ctx_a + " " + ctx_b.capitalize())`. */
  query: string;
  /** `doc_to_choice`: the endings, each preprocessed. */
  choices: string[];
  /** `doc_to_target` `{{label}}` as an int. */
  gold: number;
}

type HellaswagSplit = 'validation' | 'train';

/**
 * `Rowan/hellaswag` (no config) split `split`: the hub's parquet (columns `ind, activity_label,
 * ctx_a, ctx_b, ctx, endings, source_id, split, split_type, label`, `label` a digit string), or the
 * same file at `hellaswag/data/…` under EVALFORGE_DATA_DIR.
 */
function hellaswagFile(split: HellaswagSplit): DatasetFile {
  const path = `data/${split}-00000-of-00001.parquet`;
  return {
    name: `hellaswag/${split}`,
    local: { format: 'parquet', path: `hellaswag/${path}` },
    hub: { format: 'parquet', repo: 'Rowan/hellaswag', revision: 'main', path },
  };
}

/** The split lm-eval evaluates (`validation_split: validation`, `test_split: null`; 10,042 rows). */
export const HELLASWAG_VALIDATION = hellaswagFile('validation');

/** lm-eval's few-shot pool (`training_split: train`; 39,905 rows). */
export const HELLASWAG_TRAIN = hellaswagFile('train');

/** A row as a HellaswagDoc, or a DatasetError naming the file, row and field. */
export function hellaswagDocFromRow(row: DatasetRow): HellaswagDoc {
  return {
    query: hellaswagQuery(stringField(row, 'activity_label'), stringField(row, 'ctx_a'), stringField(row, 'ctx_b')),
    choices: stringArrayField(row, 'endings').map(hellaswagPreprocess),
    gold: digitLabelField(row, 'label'),
    row: row.row,
  };
}

/** The docs of one split in file order, id = the 0-based row index. */
export async function* hellaswagDocs(data: DatasetReader, file: DatasetFile): AsyncGenerator<TaskDoc<HellaswagDoc>> {
  let index = 0;
  for await (const row of data.rows(file)) {
    yield { id: String(index), doc: hellaswagDocFromRow(row) };
    index++;
  }
}

/** The train split in file order; every row's label must name one of its endings, as a shot's answer. */
export async function hellaswagTrainPool(data: DatasetReader): Promise<HellaswagDoc[]> {
  const pool: HellaswagDoc[] = [];
  for await (const row of data.rows(HELLASWAG_TRAIN)) {
    const doc = hellaswagDocFromRow(row);
    goldChoice(row, 'label', doc.choices, doc.gold);
    pool.push(doc);
  }
  return pool;
}
