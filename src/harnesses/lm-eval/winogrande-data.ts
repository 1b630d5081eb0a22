import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import { pythonStrip } from '../../core/python/python-strip.js';
import type { TaskDoc } from '../../core/task.js';
import type { RowBackedDoc } from './eval-doc-excluding-shots.js';

/** A Winogrande row as lm-eval's `preprocess_winogrande.py` sees it (partial evaluation). */
export interface WinograndeDoc extends RowBackedDoc {
  /** `doc_to_choice`: the sentence up to the first `_`, completed by `option1` and by `option2`. */
  contexts: [string, string];
  /** `doc_to_target`: the text after that `_`, stripped (the one continuation both contexts score). */
  continuation: string;
  /** `doc_to_text`: `answer` "1" → 0, "2" → 1. */
  gold: number;
}

type WinograndeSplit = 'validation' | 'train';

/**
 * `allenai/winogrande` config `winogrande_xl` split `split`: the hub's parquet (columns `sentence,
 * option1, option2, answer`, `answer` "1" or "2"), or the same file at `winogrande/winogrande_xl/…`
 * under EVALFORGE_DATA_DIR.
 */
function winograndeFile(split: WinograndeSplit): DatasetFile {
  const path = `winogrande_xl/${split}-00000-of-00001.parquet`;
  return {
    name: `winogrande/${split}`,
    local: { format: 'parquet', path: `winogrande/${path}` },
    hub: { format: 'parquet', repo: 'allenai/winogrande', revision: 'main', path },
  };
}

/** The split lm-eval evaluates (`validation_split: validation`, no test split; 1,267 rows). */
export const WINOGRANDE_VALIDATION = winograndeFile('validation');

/** lm-eval's few-shot pool (`training_split: train`; 40,398 rows in winogrande_xl). */
export const WINOGRANDE_TRAIN = winograndeFile('train');

const ANSWER_TO_NUM: Readonly<Record<string, number>> = { '1': 0, '2': 1 };

/** A row as a WinograndeDoc, or a DatasetError naming the file, row and field. */
export function winograndeDocFromRow(row: DatasetRow): WinograndeDoc {
  const sentence = stringField(row, 'sentence');
  const blank = sentence.indexOf('_');
  if (blank === -1) {
    throw new DatasetError(
      `${row.location}, row ${row.rowNumber}: field "sentence" has no "_" blank: ${JSON.stringify(sentence)}`,
      row.location,
      row.rowNumber,
      'give every row a "sentence" with a "_" where the options go (is this the right file for the task?)',
    );
  }
  const answer = stringField(row, 'answer');
  const gold = ANSWER_TO_NUM[answer];
  if (gold === undefined) {
    throw new DatasetError(
      `${row.location}, row ${row.rowNumber}: field "answer" is ${JSON.stringify(answer)}, not "1" or "2"`,
      row.location,
      row.rowNumber,
      'give every row an "answer" of "1" or "2" (the test split has no answers: use validation)',
    );
  }
  const prefix = sentence.slice(0, blank);
  return {
    contexts: [prefix + stringField(row, 'option1'), prefix + stringField(row, 'option2')],
    continuation: pythonStrip(sentence.slice(blank + 1)),
    gold,
    row: row.row,
  };
}

/** The docs of one split in file order, id = the 0-based row index. */
export async function* winograndeDocs(data: DatasetReader, file: DatasetFile): AsyncGenerator<TaskDoc<WinograndeDoc>> {
  let index = 0;
  for await (const row of data.rows(file)) {
    yield { id: String(index), doc: winograndeDocFromRow(row) };
    index++;
  }
}

/** The train split in file order (the few-shot pool). */
export async function winograndeTrainPool(data: DatasetReader): Promise<WinograndeDoc[]> {
  const pool: WinograndeDoc[] = [];
  for await (const { doc } of winograndeDocs(data, WINOGRANDE_TRAIN)) pool.push(doc);
  return pool;
}
