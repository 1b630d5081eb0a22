import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringArrayField, stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import type { TaskDoc } from '../../core/task.js';
import { compileIfevalInstructions, type CompiledInstruction } from './score-ifeval-response.js';

/** One IFEval prompt with its instructions, ready to score. */
export interface IfevalDoc {
  key: number;
  prompt: string;
  instructionIds: readonly string[];
  instructions: readonly CompiledInstruction[];
}

/**
 * Google's 541 IFEval prompts: locally `ifeval/input_data.jsonl` (Google's
 * `instruction_following_eval/data/input_data.jsonl`), on the hub `google/IFEval`
 * `ifeval_input_data.jsonl`, the file lm-eval's `google/IFEval` `train` split is read from.
 * Both normalize to `{key, prompt, instruction_id_list, kwargs}` with `null` kwargs dropped (the
 * way Google's file writes them), so the provenance hashes of equal contents agree.
 */
export const IFEVAL_INPUT: DatasetFile = {
  name: 'ifeval/input_data',
  local: { format: 'jsonl', path: 'ifeval/input_data.jsonl', normalize: normalizeRow },
  hub: { format: 'jsonl', repo: 'google/IFEval', revision: 'main', path: 'ifeval_input_data.jsonl', normalize: normalizeRow },
};

function normalizeRow(raw: Record<string, unknown>): Record<string, unknown> {
  const { key, prompt, instruction_id_list, kwargs } = raw;
  const withoutNulls = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) : value;
  return { key, prompt, instruction_id_list, kwargs: Array.isArray(kwargs) ? kwargs.map(withoutNulls) : kwargs };
}

/** The prompts in file order; a doc's id is its row's `key`. */
export async function* ifevalDocs(data: DatasetReader): AsyncGenerator<TaskDoc<IfevalDoc>> {
  for await (const row of data.rows(IFEVAL_INPUT)) {
    const doc = ifevalDocFromRow(row);
    yield { id: String(doc.key), doc };
  }
}

/** A normalized row as an IfevalDoc, or a DatasetError naming the file, row and field. */
export function ifevalDocFromRow(row: DatasetRow): IfevalDoc {
  const key = row.row.key;
  if (typeof key !== 'number' || !Number.isInteger(key)) {
    throw new DatasetError(`${row.location}, row ${row.rowNumber}: field "key" is missing or not an integer`, row.location, row.rowNumber, 'give every row an integer "key" (is this the right file for the task?)');
  }
  const prompt = stringField(row, 'prompt');
  const instructionIds = stringArrayField(row, 'instruction_id_list');
  const kwargs = row.row.kwargs;
  if (!Array.isArray(kwargs)) {
    throw new DatasetError(`${row.location}, row ${row.rowNumber}: field "kwargs" is missing or not a list`, row.location, row.rowNumber, 'give every row a "kwargs" list with one object per instruction');
  }
  const instructions = compileIfevalInstructions({ instruction_id_list: instructionIds, kwargs, prompt }, { location: row.location, rowNumber: row.rowNumber });
  return { key, prompt, instructionIds, instructions };
}
