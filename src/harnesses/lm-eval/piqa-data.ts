import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import type { TaskDoc } from '../../core/task.js';
import type { RowBackedDoc } from './eval-doc-excluding-shots.js';
import { goldChoice, integerField } from './label-fields.js';

/** A PIQA row: the goal, its two solutions and the gold one's index. */
export interface PiqaDoc extends RowBackedDoc {
  goal: string;
  /** `doc_to_choice` `{{[sol1, sol2]}}`. */
  choices: [string, string];
  /** `doc_to_target: label` (0 or 1). */
  gold: number;
}

type PiqaSplit = 'validation' | 'train';

/**
 * `baber/piqa` (lm-eval's re-hosted PIQA, no config) split `split`: the hub's parquet
 * `piqa_<split>.parquet` (columns `goal, sol1, sol2, label`, `label` an integer), or the same file
 * at `piqa/…` under EVALFORGE_DATA_DIR.
 */
function piqaFile(split: PiqaSplit): DatasetFile {
  const path = `piqa_${split}.parquet`;
  return {
    name: `piqa/${split}`,
    local: { format: 'parquet', path: `piqa/${path}` },
    hub: { format: 'parquet', repo: 'baber/piqa', revision: 'main', path },
  };
}

/** The split lm-eval evaluates (`validation_split: validation`, `test_split: null`; 1,838 rows). */
export const PIQA_VALIDATION = piqaFile('validation');

/** lm-eval's few-shot pool (`training_split: train`; 16,113 rows). */
export const PIQA_TRAIN = piqaFile('train');

/** A row as a PiqaDoc, or a DatasetError naming the file, row and field. */
export function piqaDocFromRow(row: DatasetRow): PiqaDoc {
  return {
    goal: stringField(row, 'goal'),
    choices: [stringField(row, 'sol1'), stringField(row, 'sol2')],
    gold: integerField(row, 'label'),
    row: row.row,
  };
}

/** The docs of one split in file order, id = the 0-based row index. */
export async function* piqaDocs(data: DatasetReader, file: DatasetFile): AsyncGenerator<TaskDoc<PiqaDoc>> {
  let index = 0;
  for await (const row of data.rows(file)) {
    yield { id: String(index), doc: piqaDocFromRow(row) };
    index++;
  }
}

/** The train split in file order; every row's label must name one of its solutions, as a shot's answer. */
export async function piqaTrainPool(data: DatasetReader): Promise<PiqaDoc[]> {
  const pool: PiqaDoc[] = [];
  for await (const row of data.rows(PIQA_TRAIN)) {
    const doc = piqaDocFromRow(row);
    goldChoice(row, 'label', doc.choices, doc.gold);
    pool.push(doc);
  }
  return pool;
}
