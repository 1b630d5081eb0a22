import type { DatasetFile, DatasetReader } from '../../core/datasets/dataset-reader.js';
import { stringField } from '../../core/datasets/row-fields.js';

/** The three GPQA sets: 198, 448 and 546 questions. */
export type GpqaSubset = 'diamond' | 'main' | 'extended';

/**
 * The password of the official `dataset.zip` (idavidrein/gpqa README). It is public; the zip exists
 * so that the questions are not stored in plain text where crawlers read them.
 */
export const GPQA_ZIP_PASSWORD = 'deserted-untie-orchid';

/** One GPQA question as written: the correct answer and the three distractors, unshuffled. */
export interface GpqaRecord {
  question: string;
  correct: string;
  incorrect: readonly [string, string, string];
}

/** The columns both harnesses read; the CSVs have 78 in all. */
const COLUMNS = ['Question', 'Correct Answer', 'Incorrect Answer 1', 'Incorrect Answer 2', 'Incorrect Answer 3'] as const;

function keepColumns(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(COLUMNS.map((column) => [column, raw[column]]));
}

/**
 * One GPQA set, read in memory only (the authors ask that the questions never be stored in plain
 * text): locally the member `dataset/gpqa_<subset>.csv` of the official ZipCrypto `gpqa/dataset.zip`;
 * on the hub `Idavidrein/gpqa` `gpqa_<subset>.csv` (gated: accept the terms and set HF_TOKEN), the
 * file behind the `gpqa_<subset>` config's `train` split that lm-eval and NVIDIA's simple-evals load,
 * fetched with `cache: false` so it never lands in the cache. Both are the same CSV (header row, 78
 * columns, rows in the same order) and normalize to the five columns the tasks read.
 */
export function gpqaFile(subset: GpqaSubset): DatasetFile {
  return {
    name: `gpqa/${subset}`,
    local: {
      path: 'gpqa/dataset.zip',
      format: 'csv',
      zip: { member: `dataset/gpqa_${subset}.csv`, password: GPQA_ZIP_PASSWORD },
      normalize: keepColumns,
    },
    hub: { repo: 'Idavidrein/gpqa', revision: 'main', path: `gpqa_${subset}.csv`, format: 'csv', cache: false, normalize: keepColumns },
  };
}

/**
 * Every question of one set in file order, which is the order both upstream loaders see (pandas
 * `read_csv` of the CSV, and the hub dataset's `train` split built from the same file). Strings
 * are kept exactly as stored, unstripped. Upstream's pandas would turn a cell such as `""`, `"NA"`
 * or `"None"` into NaN; no cell of these five columns in any of the three sets is one, so there is
 * no such conversion to reproduce.
 */
export async function readGpqaRecords(data: DatasetReader, subset: GpqaSubset): Promise<GpqaRecord[]> {
  const records: GpqaRecord[] = [];
  for await (const row of data.rows(gpqaFile(subset))) {
    records.push({
      question: stringField(row, 'Question'),
      correct: stringField(row, 'Correct Answer'),
      incorrect: [stringField(row, 'Incorrect Answer 1'), stringField(row, 'Incorrect Answer 2'), stringField(row, 'Incorrect Answer 3')],
    });
  }
  return records;
}
