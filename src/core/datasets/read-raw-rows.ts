import { DatasetError, EvalforgeError } from '../errors.js';
import type { RawRow, RawRowSource } from './raw-row.js';
import { readCsv } from './read-csv.js';
import { readJsonArray } from './read-json-array.js';
import { readJsonl } from './read-jsonl.js';
import { readParquet } from './read-parquet.js';

/**
 * Streams the rows of a local file in the given format, in file order. I/O and decoding failures
 * (unreadable file, corrupt gzip or parquet) become DatasetErrors naming the file.
 */
export async function* readRawRows({ path, location }: RawRowSource): AsyncGenerator<RawRow> {
  try {
    switch (location.format) {
      case 'jsonl':
        yield* readJsonl(path);
        return;
      case 'json':
        yield* readJsonArray(path);
        return;
      case 'csv':
        yield* readCsv(path, location.csvColumns);
        return;
      case 'parquet':
        yield* readParquet(path);
        return;
    }
  } catch (error) {
    if (error instanceof EvalforgeError) throw error;
    throw new DatasetError(
      `${path}: could not read it as ${location.format}: ${(error as Error).message}`,
      path,
      undefined,
      'check that the file is complete and in the format the task expects (delete a corrupt cached copy to re-download it)',
    );
  }
}
