import type { DatasetReader, DatasetRow, LocalDatasetFile } from '../../core/datasets/dataset-reader.js';
import { DatasetError } from '../../core/errors.js';
import type { TaskDoc } from '../../core/task.js';

/** One HellaSwag item as llama.cpp's `perplexity --hellaswag` text file stores it. */
export interface HellaswagLlamacppDoc {
  /** Line 1: `activity_label + ": " + ctx`, already cleaned of WikiHow markers (ctx_b not capitalised). */
  context: string;
  /** Lines 3-6: the four endings. */
  endings: string[];
  /** Line 2: the gold ending's index. */
  gold: number;
}

/** Lines per item: context, gold index, four endings. */
const LINES_PER_ITEM = 6;

/**
 * The HellaSwag validation set in llama.cpp's text layout (klosax/hellaswag_text_data
 * `hellaswag_val_full.txt.bz2`, 10,042 items), at `hellaswag/derived/` under EVALFORGE_DATA_DIR.
 * It has no hub copy, so it is only read from there.
 */
export const HELLASWAG_LLAMACPP_FILE: LocalDatasetFile = {
  name: 'hellaswag/derived/hellaswag_val_full',
  local: { format: 'lines', path: 'hellaswag/derived/hellaswag_val_full.txt.bz2' },
};

function lineOf(row: DatasetRow): string {
  return row.row.line as string;
}

function itemFromLines(rows: readonly DatasetRow[]): HellaswagLlamacppDoc {
  const [contextRow, goldRow, ...endingRows] = rows as [DatasetRow, DatasetRow, ...DatasetRow[]];
  const gold = lineOf(goldRow);
  if (!/^[0-3]$/.test(gold)) {
    throw new DatasetError(
      `${goldRow.location}, line ${goldRow.rowNumber}: expected the gold ending's index (0-3) on the second line of an item, got ${JSON.stringify(gold)}`,
      goldRow.location,
      goldRow.rowNumber,
      'use the llama.cpp HellaSwag text file unchanged: 6 lines per item (context, gold index, four endings)',
    );
  }
  return { context: lineOf(contextRow), endings: endingRows.map(lineOf), gold: Number(gold) };
}

/** The items in file order, id = the 0-based item index; a file whose lines do not form whole items is a DatasetError. */
export async function* hellaswagLlamacppDocs(data: DatasetReader): AsyncGenerator<TaskDoc<HellaswagLlamacppDoc>> {
  let lines: DatasetRow[] = [];
  let index = 0;
  for await (const row of data.rows(HELLASWAG_LLAMACPP_FILE)) {
    lines.push(row);
    if (lines.length < LINES_PER_ITEM) continue;
    yield { id: String(index++), doc: itemFromLines(lines) };
    lines = [];
  }
  const last = lines.at(-1);
  if (last) {
    throw new DatasetError(
      `${last.location}: ends with an incomplete item (${lines.length} of ${LINES_PER_ITEM} lines after line ${last.rowNumber - lines.length})`,
      last.location,
      last.rowNumber,
      'use the llama.cpp HellaSwag text file unchanged: 6 lines per item (context, gold index, four endings)',
    );
  }
}
