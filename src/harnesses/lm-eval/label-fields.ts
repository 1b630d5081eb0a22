import type { DatasetRow } from '../../core/datasets/dataset-reader.js';
import { DatasetError } from '../../core/errors.js';

function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'bigint') return `${value}`;
  return JSON.stringify(value);
}

function invalid(row: DatasetRow, field: string, expected: string): DatasetError {
  return new DatasetError(
    `${row.location}, row ${row.rowNumber}: field "${field}" is ${shown(row.row[field])}, not ${expected}`,
    row.location,
    row.rowNumber,
    `give every row ${expected} "${field}" (is this the right file for the task?)`,
  );
}

/** The row's whole-number field `field` (a parquet integer column), or a DatasetError naming it. */
export function integerField(row: DatasetRow, field: string): number {
  const value = row.row[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid(row, field, 'a whole number');
  return value;
}

/**
 * The row's choice index `field` when it may also be stored as a digit string (hellaswag's
 * `label`): a whole number ≥ 0, or ASCII digits as lm-eval's `{{label}}` target turns into an int
 * (`str.isdigit()` then `ast.literal_eval`, which refuses leading zeros); else a DatasetError.
 */
export function digitLabelField(row: DatasetRow, field: string): number {
  const value = row.row[field];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^(0|[1-9][0-9]*)$/.test(value)) return Number(value);
  throw invalid(row, field, 'a choice index (digits such as "0")');
}

/**
 * A shot's gold choice text, or a DatasetError naming the row when its index is not a choice (lm-eval
 * would fail with an IndexError once such a row is drawn; few-shot pools are checked when read).
 */
export function goldChoice(row: DatasetRow, field: string, choices: readonly string[], gold: number): string {
  const choice = choices[gold];
  if (choice === undefined) throw invalid(row, field, `an index of one of its ${choices.length} choices`);
  return choice;
}
