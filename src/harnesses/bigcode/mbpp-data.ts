import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringArrayField, stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import type { TaskDoc } from '../../core/task.js';

/** One MBPP problem (the fields bigcode reads). */
export interface MbppDoc {
  taskId: number;
  /** The problem description. */
  text: string;
  /** The reference solution. */
  code: string;
  /** Three `assert` lines. */
  testList: readonly string[];
}

/** bigcode's MBPP test split: task ids 11–510 (google-research's README: 1–10 few-shot, 511–600 validation, 601–974 train). */
const FIRST_TEST_ID = 11;
const LAST_TEST_ID = 510;
const TEST_PROBLEMS = LAST_TEST_ID - FIRST_TEST_ID + 1;

/**
 * MBPP `full`: locally google-research's `mbpp/mbpp.jsonl` (all 974 problems; the test ids are
 * picked), on the hub `google-research-datasets/mbpp` `full` test split (those 500 only), the
 * dataset bigcode loads as `mbpp`.
 */
export const MBPP_FULL: DatasetFile = {
  name: 'mbpp/full',
  local: { format: 'jsonl', path: 'mbpp/mbpp.jsonl' },
  hub: { format: 'parquet', repo: 'google-research-datasets/mbpp', revision: 'main', path: 'full/test-00000-of-00001.parquet' },
};

function taskIdOf(row: DatasetRow): number {
  const value = row.row.task_id;
  const id = typeof value === 'bigint' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    throw new DatasetError(`${row.location}, row ${row.rowNumber}: field "task_id" is missing or not an integer`, row.location, row.rowNumber, 'use MBPP\'s mbpp.jsonl (full) as published');
  }
  return id;
}

/**
 * The 500 test problems in file order; a doc's id is its task id, and it is its own subset. As
 * bigcode asserts, a file that yields another number of test problems is refused (checked once all
 * were read, so a run with `limit_samples` does not read past what it needs).
 */
export async function* mbppDocs(data: DatasetReader): AsyncGenerator<TaskDoc<MbppDoc>> {
  let count = 0;
  let location = MBPP_FULL.local.path;
  for await (const row of data.rows(MBPP_FULL)) {
    location = row.location;
    const taskId = taskIdOf(row);
    if (taskId < FIRST_TEST_ID || taskId > LAST_TEST_ID) continue;
    count++;
    const doc: MbppDoc = { taskId, text: stringField(row, 'text'), code: stringField(row, 'code'), testList: stringArrayField(row, 'test_list') };
    if (doc.testList.length === 0) {
      throw new DatasetError(`${row.location}, row ${row.rowNumber}: "test_list" is empty`, row.location, row.rowNumber, 'use MBPP as published: every problem has three tests');
    }
    const id = String(taskId);
    yield { id, doc, subsets: [id] };
  }
  if (count !== TEST_PROBLEMS) {
    throw new DatasetError(
      `${location}: found ${count} MBPP test problems (task ids ${FIRST_TEST_ID}–${LAST_TEST_ID}), expected ${TEST_PROBLEMS}`,
      location,
      undefined,
      'use the complete MBPP full set (mbpp.jsonl, or the hub\'s full test split)',
    );
  }
}

/** bigcode's MBPP prompt (InCoder style): the description and the first test in a docstring, `"""\n{text}\n{test_list[0]}\n"""\n`. */
export function mbppPrompt(doc: MbppDoc): string {
  return `"""\n${doc.text}\n${doc.testList[0]}\n"""\n`;
}

/** bigcode's MBPP `get_reference`: the tests, `"\n".join(test_list)` (`test_setup_code` and `challenge_test_list` unused). */
export function mbppReference(doc: MbppDoc): string {
  return doc.testList.join('\n');
}
