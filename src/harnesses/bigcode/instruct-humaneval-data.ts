import type { DatasetFile, DatasetReader } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import type { TaskDoc } from '../../core/task.js';

/** One InstructHumanEval problem (the fields bigcode reads). */
export interface InstructHumanEvalDoc {
  taskId: string;
  /** "Write a function <signature> to solve the following problem:\n<docstring>". */
  instruction: string;
  /** The imports and helper code before the target function, then its signature. */
  context: string;
  test: string;
  entryPoint: string;
}

/**
 * `codeparrot/instructhumaneval` (test split, 164 rows), the dataset bigcode's instruct-humaneval
 * tasks load. It is not in the shared data folder: locally `instructhumaneval/test.parquet` if
 * present, else the hub's parquet export of the test split.
 */
export const INSTRUCT_HUMANEVAL_TEST: DatasetFile = {
  name: 'instructhumaneval/test',
  local: { format: 'parquet', path: 'instructhumaneval/test.parquet' },
  hub: { format: 'parquet', repo: 'codeparrot/instructhumaneval', revision: 'refs/convert/parquet', path: 'default/test/0000.parquet' },
};

/** The problems in file order; a doc's id is its `task_id` (`HumanEval/0` …), and it is its own subset. */
export async function* instructHumanEvalDocs(data: DatasetReader): AsyncGenerator<TaskDoc<InstructHumanEvalDoc>> {
  for await (const row of data.rows(INSTRUCT_HUMANEVAL_TEST)) {
    const doc: InstructHumanEvalDoc = {
      taskId: stringField(row, 'task_id'),
      instruction: stringField(row, 'instruction'),
      context: stringField(row, 'context'),
      test: stringField(row, 'test'),
      entryPoint: stringField(row, 'entry_point'),
    };
    yield { id: doc.taskId, doc, subsets: [doc.taskId] };
  }
}
