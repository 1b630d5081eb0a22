import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringArrayField, stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import type { TaskDoc } from '../../core/task.js';

/** One answer set of a TruthfulQA question: the answers and, per answer, 1 (true) or 0 (false). */
export interface TruthfulqaTargets {
  choices: string[];
  labels: number[];
}

/** A `truthfulqa/truthful_qa` `multiple_choice` row, lm-eval's doc. */
export interface TruthfulqaDoc {
  question: string;
  /** One true answer, listed first, then the false ones. */
  mc1Targets: TruthfulqaTargets;
  /** Every true and false reference answer (the true ones are not always listed first). */
  mc2Targets: TruthfulqaTargets;
}

/**
 * A key JavaScript puts before all others whatever its place in the JSON text: a canonical array
 * index, 0 to 2³² − 2 (e.g. "1", "2000"; not "01" or "1.5").
 */
function isArrayIndexKey(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/**
 * `mc_task.json`'s `{answer: label}` object as the hub's `{choices, labels}`, in the JSON text's
 * order as Python's `json.load` keeps it. JSON.parse keeps that order too except for integer-like
 * keys, which it moves to the front; the order decides mc1's gold (the first answer), so such a
 * key is an error rather than a silent reordering (neither TruthfulQA release has one).
 */
function targetsFromAnswerMap(value: unknown, field: string): TruthfulqaTargets {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`"${field}" is not an object of answer → label`);
  const keys = Object.keys(value);
  const reordered = keys.find(isArrayIndexKey);
  if (reordered !== undefined) {
    throw new Error(`"${field}" has the answer ${JSON.stringify(reordered)}, which JSON.parse reorders, so the answer order cannot be kept; read the hub parquet instead`);
  }
  return { choices: keys, labels: Object.values(value as Record<string, unknown>) as number[] };
}

/** An `mc_task.json` element (`{question, mc1_targets: {answer: label}, mc2_targets: …}`) in the hub's shape, as the hub builder made it. */
function fromMcTask(raw: Record<string, unknown>): Record<string, unknown> {
  return {
    question: raw.question,
    mc1_targets: targetsFromAnswerMap(raw.mc1_targets, 'mc1_targets'),
    mc2_targets: targetsFromAnswerMap(raw.mc2_targets, 'mc2_targets'),
  };
}

function plainTargets(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { choices, labels } = value as { choices?: unknown; labels?: unknown };
  return { choices: Array.from((choices ?? []) as ArrayLike<unknown>), labels: Array.from((labels ?? []) as ArrayLike<unknown>) };
}

/** The hub parquet row with plain arrays, so both copies hash alike. */
function fromHub(raw: Record<string, unknown>): Record<string, unknown> {
  return { question: raw.question, mc1_targets: plainTargets(raw.mc1_targets), mc2_targets: plainTargets(raw.mc2_targets) };
}

/**
 * `truthfulqa/truthful_qa` config `multiple_choice`, split `validation` (817 questions), what
 * lm-eval's truthfulqa_mc1/mc2 read. The hub data was built by the dataset's loading script
 * (huggingface/datasets `datasets/truthful_qa/truthful_qa.py`, which turns each `{answer: label}`
 * object into `choices`/`labels` in order) from `data/mc_task.json` of sylinrl/TruthfulQA at
 * commit 013686a06be7a7bde5bf8223943e106c7250123c (Sep 2021). That is neither the `v1/` nor the
 * current file of the shared datasets folder: v1 (Oct 2021) lists the questions in another order,
 * rewords one and changes the answers of 206 (77 in mc1). Locally the Sep 2021 file is read from
 * `truthfulqa/013686a/mc_task.json`; else the hub parquet.
 */
export const TRUTHFULQA_MC_FILE: DatasetFile = {
  name: 'truthfulqa/multiple_choice/validation',
  local: { format: 'json', path: 'truthfulqa/013686a/mc_task.json', normalize: fromMcTask },
  hub: { format: 'parquet', repo: 'truthfulqa/truthful_qa', revision: 'main', path: 'multiple_choice/validation-00000-of-00001.parquet', normalize: fromHub },
};

function targetsFromRow(row: DatasetRow, field: 'mc1_targets' | 'mc2_targets'): TruthfulqaTargets {
  const value = row.row[field];
  const nested: DatasetRow = { ...row, row: typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {} };
  const choices = stringArrayField(nested, 'choices');
  const labels = nested.row.labels;
  if (choices.length === 0 || !Array.isArray(labels) || labels.length !== choices.length || !labels.every((label) => label === 0 || label === 1)) {
    throw new DatasetError(
      `${row.location}, row ${row.rowNumber}: "${field}" needs at least one choice and one label (0 or 1) per choice`,
      row.location,
      row.rowNumber,
      'use the published truthfulqa/truthful_qa multiple_choice data',
    );
  }
  return { choices, labels: labels as number[] };
}

/** A normalized row as a TruthfulqaDoc, or a DatasetError naming the file, row and field. */
export function truthfulqaDocFromRow(row: DatasetRow): TruthfulqaDoc {
  return { question: stringField(row, 'question'), mc1Targets: targetsFromRow(row, 'mc1_targets'), mc2Targets: targetsFromRow(row, 'mc2_targets') };
}

/** The questions in file order, id = the 0-based row (lm-eval's `doc_id`). */
export async function* truthfulqaDocs(data: DatasetReader): AsyncGenerator<TaskDoc<TruthfulqaDoc>> {
  for await (const row of data.rows(TRUTHFULQA_MC_FILE)) yield { id: String(row.rowNumber - 1), doc: truthfulqaDocFromRow(row) };
}
