import type { DatasetFile, DatasetReader } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import type { TaskDoc } from '../../core/task.js';

/** One SimpleQA question with its gold answer. */
export interface SimpleqaDoc {
  problem: string;
  answer: string;
}

/**
 * The 4,326-question test set: locally `simpleqa/simple_qa_test_set.csv` (upstream's file, columns
 * metadata, problem, answer); on the hub `basicv8vc/SimpleQA`, which NVIDIA's simple-evals reads.
 */
export const SIMPLEQA_TEST: DatasetFile = {
  name: 'simpleqa/test',
  local: { format: 'csv', path: 'simpleqa/simple_qa_test_set.csv' },
  hub: { format: 'csv', repo: 'basicv8vc/SimpleQA', revision: 'main', path: 'simple_qa_test_set.csv' },
};

/** The questions in file order; a doc's id is its 0-based row. */
export async function* simpleqaDocs(data: DatasetReader): AsyncGenerator<TaskDoc<SimpleqaDoc>> {
  let index = 0;
  for await (const row of data.rows(SIMPLEQA_TEST)) {
    yield { id: String(index++), doc: { problem: stringField(row, 'problem'), answer: stringField(row, 'answer') } };
  }
}
