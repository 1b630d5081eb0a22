import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import type { TaskDoc } from '../../core/task.js';
import type { RowBackedDoc } from './eval-doc-excluding-shots.js';
import { goldChoice, integerField } from './label-fields.js';

/** `doc_to_choice: ["no", "yes"]`. */
export const BOOLQ_CHOICES: readonly string[] = ['no', 'yes'];

/** A BoolQ row: a passage, a yes/no question about it and the answer (0 = no, 1 = yes). */
export interface BoolqDoc extends RowBackedDoc {
  passage: string;
  question: string;
  /** `doc_to_target: label`. */
  gold: number;
}

type BoolqSplit = 'validation' | 'train';

/**
 * `aps/super_glue` config `boolq` split `split`: the hub's parquet (columns `question, passage,
 * idx, label`, `label` 0 = False, 1 = True), or the same file at `super_glue/boolq/…` under
 * EVALFORGE_DATA_DIR.
 */
function boolqFile(split: BoolqSplit): DatasetFile {
  const path = `boolq/${split}-00000-of-00001.parquet`;
  return {
    name: `boolq/${split}`,
    local: { format: 'parquet', path: `super_glue/${path}` },
    hub: { format: 'parquet', repo: 'aps/super_glue', revision: 'main', path },
  };
}

/** The split lm-eval evaluates (`validation_split: validation`, no test split; 3,270 rows). */
export const BOOLQ_VALIDATION = boolqFile('validation');

/** lm-eval's few-shot pool (`training_split: train`; 9,427 rows). */
export const BOOLQ_TRAIN = boolqFile('train');

/** A row as a BoolqDoc, or a DatasetError naming the file, row and field. */
export function boolqDocFromRow(row: DatasetRow): BoolqDoc {
  return { passage: stringField(row, 'passage'), question: stringField(row, 'question'), gold: integerField(row, 'label'), row: row.row };
}

/** The docs of one split in file order, id = the 0-based row index. */
export async function* boolqDocs(data: DatasetReader, file: DatasetFile): AsyncGenerator<TaskDoc<BoolqDoc>> {
  let index = 0;
  for await (const row of data.rows(file)) {
    yield { id: String(index), doc: boolqDocFromRow(row) };
    index++;
  }
}

/** The train split in file order; every row's label must be 0 or 1, as a shot's answer. */
export async function boolqTrainPool(data: DatasetReader): Promise<BoolqDoc[]> {
  const pool: BoolqDoc[] = [];
  for await (const row of data.rows(BOOLQ_TRAIN)) {
    const doc = boolqDocFromRow(row);
    goldChoice(row, 'label', BOOLQ_CHOICES, doc.gold);
    pool.push(doc);
  }
  return pool;
}
