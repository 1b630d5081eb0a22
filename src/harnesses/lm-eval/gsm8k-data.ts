import type { DatasetFile, DatasetReader } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import type { TaskDoc } from '../../core/task.js';

/** A GSM8K row: the question and the worked answer, which ends in `#### <number>`. */
export interface Gsm8kDoc {
  question: string;
  answer: string;
}

/** `openai/gsm8k` config `main`, the split lm-eval evaluates (`test_split: test`). */
export const GSM8K_TEST: DatasetFile = {
  name: 'gsm8k/test',
  local: { format: 'jsonl', path: 'gsm8k/test.jsonl' },
  hub: { format: 'parquet', repo: 'openai/gsm8k', revision: 'main', path: 'main/test-00000-of-00001.parquet' },
};

/** `openai/gsm8k` config `main`, split `train`: lm-eval's few-shot pool (`fewshot_split: train`). */
export const GSM8K_TRAIN: DatasetFile = {
  name: 'gsm8k/train',
  local: { format: 'jsonl', path: 'gsm8k/train.jsonl' },
  hub: { format: 'parquet', repo: 'openai/gsm8k', revision: 'main', path: 'main/train-00000-of-00001.parquet' },
};

/** The rows of one GSM8K file in file order, id = the 0-based row index. */
export async function* gsm8kDocs(data: DatasetReader, file: DatasetFile): AsyncGenerator<TaskDoc<Gsm8kDoc>> {
  let index = 0;
  for await (const row of data.rows(file)) {
    yield { id: String(index), doc: { question: stringField(row, 'question'), answer: stringField(row, 'answer') } };
    index++;
  }
}

/** The whole train split, in file order (lm-eval's few-shot pool for `gsm8k`). */
export async function gsm8kTrainPool(data: DatasetReader): Promise<Gsm8kDoc[]> {
  const pool: Gsm8kDoc[] = [];
  for await (const { doc } of gsm8kDocs(data, GSM8K_TRAIN)) pool.push(doc);
  return pool;
}
