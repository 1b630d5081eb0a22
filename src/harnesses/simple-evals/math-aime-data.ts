import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import { compilePythonPattern } from '../../core/python/python-regex.js';
import type { TaskDoc } from '../../core/task.js';
import type { MathDoc } from './math-data.js';

/**
 * `AI-MO/aimo-validation-aime` (split `train`: the 90 AIME 2022–2024 problems; `id`, `problem`,
 * `solution`, `answer`, `url`), which NVIDIA's simple-evals filters for `AIME_2024`. Not in the
 * shared data folder: locally `aime/aimo-validation-aime/train-00000-of-00001.parquet` if present.
 */
export const AIMO_VALIDATION_AIME: DatasetFile = {
  name: 'aime/aimo-validation-aime',
  local: { format: 'parquet', path: 'aime/aimo-validation-aime/train-00000-of-00001.parquet' },
  hub: { format: 'parquet', repo: 'AI-MO/aimo-validation-aime', revision: 'main', path: 'data/train-00000-of-00001.parquet' },
};

/** `opencompass/AIME2025` config `AIME2025-I` or `AIME2025-II` (split `test`, 15 problems each; `question`, `answer`). */
export function aime2025File(part: 'I' | 'II'): DatasetFile {
  const file = `aime2025-${part}.jsonl`;
  return {
    name: `aime/AIME2025-${part}`,
    local: { format: 'jsonl', path: `aime/AIME2025/${file}` },
    hub: { format: 'jsonl', repo: 'opencompass/AIME2025', revision: 'main', path: file },
  };
}

/**
 * A row's answer as text. NVIDIA's simple-evals hands pandas values to `%s`-formatting, which
 * writes an integer answer in decimal, so an integer column and a string column read the same.
 */
function answerText(row: DatasetRow): string {
  const value = row.row.answer;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) return String(value);
  throw new DatasetError(
    `${row.location}, row ${row.rowNumber}: field "answer" is missing or not a string or integer`,
    row.location,
    row.rowNumber,
    'give every row a string or integer "answer" (is this the right file for the task?)',
  );
}

/** NVIDIA's `df["url"].str.extract(r'/(\d{4})_AIME')[0]`: the year of the first match. */
const URL_YEAR = compilePythonPattern('/(\\d{4})_AIME');

/**
 * NVIDIA simple-evals' AIME 2024 set: the rows of `AIMO_VALIDATION_AIME` whose `url`'s first
 * `/<4 digits>_AIME` has the year 2024, in file order; `Question` = `problem`; id = 0-based index
 * among them. No such row is a DatasetError, as NVIDIA raises.
 */
export async function* aime2024Docs(data: DatasetReader): AsyncGenerator<TaskDoc<MathDoc>> {
  let index = 0;
  let location = AIMO_VALIDATION_AIME.local.path;
  for await (const row of data.rows(AIMO_VALIDATION_AIME)) {
    location = row.location;
    if (URL_YEAR.exec(stringField(row, 'url'))?.[1] !== '2024') continue;
    yield { id: String(index++), doc: { question: stringField(row, 'problem'), answer: answerText(row) } };
  }
  if (index === 0) {
    throw new DatasetError(`${location}: no AIME 2024 problems (no "url" with /2024_AIME)`, location, undefined, 'use AI-MO/aimo-validation-aime as published');
  }
}

/**
 * NVIDIA simple-evals' AIME 2025 set: `AIME2025-I` then `AIME2025-II` (`pd.concat`), each in file
 * order; `Question` = `question`; id = 0-based index over both.
 */
export async function* aime2025Docs(data: DatasetReader): AsyncGenerator<TaskDoc<MathDoc>> {
  let index = 0;
  for (const part of ['I', 'II'] as const) {
    for await (const row of data.rows(aime2025File(part))) {
      yield { id: String(index++), doc: { question: stringField(row, 'question'), answer: answerText(row) } };
    }
  }
}
