import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DatasetFile, DatasetFormat, DatasetRow, LocalDatasetFile } from '../datasets/dataset-reader.js';
import { DatasetError } from '../errors.js';
import { customTaskError } from './custom-task-errors.js';
import type { CustomTaskFile } from './custom-task-schema.js';

const EXTENSION_FORMATS: Record<string, DatasetFormat> = { '.jsonl': 'jsonl', '.json': 'json', '.csv': 'csv', '.parquet': 'parquet' };

/** `jsonl`, `json`, `csv` or `parquet` from the file name, a trailing `.gz` ignored. */
function formatFromExtension(path: string): DatasetFormat | undefined {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  const extension = Object.keys(EXTENSION_FORMATS).find((ext) => name.endsWith(ext));
  return extension === undefined ? undefined : EXTENSION_FORMATS[extension];
}

function requireFormat(given: DatasetFormat | undefined, path: string, field: string, taskFile: string): DatasetFormat {
  const format = given ?? formatFromExtension(path);
  if (format === undefined) {
    throw customTaskError(taskFile, field, `cannot tell the format of "${path}" from its extension`, `set ${field}: to one of jsonl, json, csv, parquet`);
  }
  return format;
}

/**
 * The file a custom task reads. `path:` is resolved against the YAML file's folder and read from
 * there only; it must exist now. `hub:` is a hub file read as any built-in task's: from
 * `$EVALFORGE_DATA_DIR/<repo>/<path>` if present, else the cache, else downloaded.
 */
export async function customDatasetFile(dataset: CustomTaskFile['dataset'], taskName: string, taskFile: string): Promise<DatasetFile | LocalDatasetFile> {
  const name = `custom/${taskName}`;
  if (dataset.hub) {
    const { repo, revision, path } = dataset.hub;
    const format = requireFormat(dataset.hub.format, path, 'dataset.hub.format', taskFile);
    return { name, local: { path: `${repo}/${path}`, format }, hub: { repo, revision, path, format } };
  }
  const path = resolve(dirname(taskFile), dataset.path as string);
  const format = requireFormat(dataset.format, path, 'dataset.format', taskFile);
  const isFile = await stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) throw customTaskError(taskFile, 'dataset.path', `no file at ${path}`, 'give the data file path relative to the YAML file');
  return { name, local: { path, format } };
}

/**
 * A row's sample id: its `idField` value (a non-empty string, or a number written as JS writes it)
 * or, without `idField`, its 0-based position in the file.
 */
export function rowId(row: DatasetRow, idField: string | undefined): string {
  if (idField === undefined) return String(row.rowNumber - 1);
  const value = row.row[idField];
  if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  throw new DatasetError(
    `${row.location}, row ${row.rowNumber}: id field "${idField}" is ${value === undefined ? 'missing' : `not a non-empty string or number (${JSON.stringify(value)})`}`,
    row.location,
    row.rowNumber,
    `give every row a unique "${idField}", or remove dataset.id_field to number rows from 0`,
  );
}
