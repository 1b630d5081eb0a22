import type { DatasetFile, DatasetReader } from '../../core/datasets/dataset-reader.js';
import type { TaskDoc } from '../../core/task.js';
import { mmluDocFromRow, mmluTestFile } from '../simple-evals/mmlu-data.js';
import type { MmluDoc } from '../simple-evals/mmlu-data.js';
import { MMLU_SUBJECT_CATEGORIES } from '../simple-evals/mmlu-subjects.js';
import type { MmluCategory } from '../simple-evals/mmlu-subjects.js';

/**
 * The category lm-eval's MMLU YAMLs tag each of the 57 subjects with (`tag: mmlu_<category>_…`).
 * They agree with simple-evals' `subject2category` except for anatomy, which lm-eval counts as
 * stem and simple-evals as other (checked against all 57 `tasks/mmlu/generative/mmlu_*.yaml`).
 */
export const LM_EVAL_MMLU_CATEGORIES: Readonly<Record<string, MmluCategory>> = { ...MMLU_SUBJECT_CATEGORIES, anatomy: 'stem' };

/** The 57 subjects in alphabetical order, the order lm-eval sorts a tag's tasks in. */
export const MMLU_SUBJECTS: readonly string[] = Object.keys(LM_EVAL_MMLU_CATEGORIES).sort();

/**
 * `cais/mmlu` split `dev` of one subject (5 rows, lm-eval's `fewshot_split`): locally
 * `mmlu/dev/<subject>_dev.csv`, on the hub `<subject>/dev-00000-of-00001.parquet`, normalized
 * like the test split (`mmluTestFile`) to `{question, A, B, C, D, answer letter}`.
 */
export function mmluDevFile(subject: string): DatasetFile {
  const test = mmluTestFile(subject);
  return {
    name: `mmlu/dev/${subject}`,
    local: { ...test.local, path: `mmlu/dev/${subject}_dev.csv` },
    hub: { ...test.hub, path: `${subject}/dev-00000-of-00001.parquet` },
  };
}

/** The rows of one subject's test or dev file in file order, id `<subject>/<0-based row>`. */
export async function* mmluSubjectDocs(data: DatasetReader, subject: string, file: DatasetFile): AsyncGenerator<TaskDoc<MmluDoc>> {
  const category = LM_EVAL_MMLU_CATEGORIES[subject] as MmluCategory;
  for await (const row of data.rows(file)) yield { id: `${subject}/${row.rowNumber - 1}`, doc: mmluDocFromRow(row, subject, category) };
}
