import type { DatasetFile, DatasetReader } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import type { TaskDoc } from '../../core/task.js';

/** One HumanEval problem. */
export interface HumanEvalDoc {
  taskId: string;
  /** Imports, signature and docstring, as published (bigcode strips it before sending). */
  prompt: string;
  canonicalSolution: string;
  /** The `check(candidate)` test function. */
  test: string;
  entryPoint: string;
}

/**
 * OpenAI's 164 problems: locally `humaneval/HumanEval.jsonl.gz` (openai/human-eval's file), on the
 * hub `openai/openai_humaneval` test split, the dataset bigcode loads. Same fields in both.
 */
export const HUMANEVAL_TEST: DatasetFile = {
  name: 'humaneval/test',
  local: { format: 'jsonl', path: 'humaneval/HumanEval.jsonl.gz' },
  hub: { format: 'parquet', repo: 'openai/openai_humaneval', revision: 'main', path: 'openai_humaneval/test-00000-of-00001.parquet' },
};

/** The problems in file order; a doc's id is its `task_id` (`HumanEval/0` …), and it is its own subset. */
export async function* humanEvalDocs(data: DatasetReader): AsyncGenerator<TaskDoc<HumanEvalDoc>> {
  for await (const row of data.rows(HUMANEVAL_TEST)) {
    const doc: HumanEvalDoc = {
      taskId: stringField(row, 'task_id'),
      prompt: stringField(row, 'prompt'),
      canonicalSolution: stringField(row, 'canonical_solution'),
      test: stringField(row, 'test'),
      entryPoint: stringField(row, 'entry_point'),
    };
    yield { id: doc.taskId, doc, subsets: [doc.taskId] };
  }
}

/** bigcode's HumanEval `get_reference`: the tests and the call that runs them, `"\n" + test + "\n" + "check(<entry_point>)"`. */
export function humanEvalReference(doc: { test: string; entryPoint: string }): string {
  return `\n${doc.test}\ncheck(${doc.entryPoint})`;
}
