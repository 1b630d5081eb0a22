import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import { pythonStrip } from '../../core/python/python-strip.js';
import type { TaskDoc } from '../../core/task.js';
import { lastBoxedOnlyString, removeBoxed } from '../lm-eval/hendrycks-math-boxed.js';

/** One math problem as simple-evals' MathEval reads it: the `Question` and the gold `Answer`. */
export interface MathDoc {
  question: string;
  answer: string;
}

/**
 * MATH-500, the 500 test problems of "Let's Verify Step by Step" (`problem`, `answer`, …), which
 * NVIDIA's simple-evals loads for `math_test_500`. Locally `math/math500.jsonl` (openai/prm800k's
 * file), on the hub `HuggingFaceH4/MATH-500` `test.jsonl`; both have the same layout.
 */
export const MATH_500_TEST: DatasetFile = {
  name: 'math/math500',
  local: { format: 'jsonl', path: 'math/math500.jsonl' },
  hub: { format: 'jsonl', repo: 'HuggingFaceH4/MATH-500', revision: 'main', path: 'test.jsonl' },
};

const MATH_COLUMNS = ['problem', 'level', 'type', 'solution'] as const;

function mathColumns(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(MATH_COLUMNS.map((column) => [column, raw[column]]));
}

/**
 * The full MATH test split (5,000 problems; `problem`, `level`, `type`, `solution`, no answer
 * field). Locally `math/math_test_full.jsonl` (also has `idx`), on the hub the `default` test split
 * of `DigitalLearningGmbH/MATH-lighteval` (a copy of the withdrawn `hendrycks/competition_math`).
 * Both are cut to the four MATH columns, so provenance hashes compare.
 */
export const MATH_TEST_FULL: DatasetFile = {
  name: 'math/math_test_full',
  local: { format: 'jsonl', path: 'math/math_test_full.jsonl', normalize: mathColumns },
  hub: { format: 'parquet', repo: 'DigitalLearningGmbH/MATH-lighteval', revision: 'main', path: 'data/test-00000-of-00001.parquet', normalize: mathColumns },
};

/** MATH-500 in file order: `Question` = `problem`, `Answer` = `answer`; id = 0-based row index. */
export async function* math500Docs(data: DatasetReader): AsyncGenerator<TaskDoc<MathDoc>> {
  let index = 0;
  for await (const row of data.rows(MATH_500_TEST)) {
    yield { id: String(index++), doc: { question: stringField(row, 'problem'), answer: stringField(row, 'answer') } };
  }
}

/**
 * The gold answer of a full-MATH row: the last `\boxed{…}` of `solution`, unwrapped and stripped
 * (`remove_boxed(last_boxed_only_string(solution)).strip()`, lm-eval's hendrycks_math helpers plus
 * Python `str.strip`). This reproduces the `Answer` column of upstream simple-evals' `math_test.csv`
 * for all 5,000 problems (checked by matching problem texts; without the strip 9 answers keep a
 * space from `\boxed{ 5}`). A solution without one throws a DatasetError naming the row.
 */
export function mathGoldAnswer(row: DatasetRow): string {
  const boxed = lastBoxedOnlyString(stringField(row, 'solution'));
  const answer = boxed === null ? null : removeBoxed(boxed);
  if (answer === null) {
    throw new DatasetError(
      `${row.location}, row ${row.rowNumber}: "solution" has no final \\boxed{…} answer`,
      row.location,
      row.rowNumber,
      'use the MATH test split as published: every solution ends its answer in \\boxed{…}',
    );
  }
  return pythonStrip(answer);
}

/** The full MATH test split in file order (subject by subject); id = 0-based row index. */
export async function* mathTestDocs(data: DatasetReader): AsyncGenerator<TaskDoc<MathDoc>> {
  let index = 0;
  for await (const row of data.rows(MATH_TEST_FULL)) {
    yield { id: String(index++), doc: { question: stringField(row, 'problem'), answer: mathGoldAnswer(row) } };
  }
}
