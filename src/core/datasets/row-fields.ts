import { DatasetError } from '../errors.js';
import type { DatasetRow } from './dataset-reader.js';

function missing(row: DatasetRow, field: string, expected: string): DatasetError {
  return new DatasetError(
    `${row.location}, row ${row.rowNumber}: field "${field}" is missing or not ${expected}`,
    row.location,
    row.rowNumber,
    `give every row a ${expected} "${field}" (is this the right file for the task?)`,
  );
}

/** The row's string field `field`, or a DatasetError naming the file, row and field. */
export function stringField(row: DatasetRow, field: string): string {
  const value = row.row[field];
  if (typeof value !== 'string') throw missing(row, field, 'a string');
  return value;
}

/** The row's array-of-strings field `field`, or a DatasetError naming the file, row and field. */
export function stringArrayField(row: DatasetRow, field: string): string[] {
  const value = row.row[field];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw missing(row, field, 'a list of strings');
  return value as string[];
}
