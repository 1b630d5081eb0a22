import { CsvError, parse } from 'csv-parse';
import { pipeline } from 'node:stream';
import { DatasetError } from '../errors.js';
import { openByteStream } from './open-byte-stream.js';
import type { RawRow } from './raw-row.js';

/**
 * Streams a CSV file (RFC 4180: quoted fields may hold commas, doubled quotes and newlines) as
 * objects of strings. With `columns` the file has no header row and every line is data; without,
 * the first row names the columns. A leading BOM is ignored. A row with the wrong number of fields
 * is a DatasetError naming the file and row. The file is closed when the consumer stops iterating.
 * `content`, when given, is the file's bytes already in memory (then `path` only names it).
 */
export async function* readCsv(path: string, columns?: readonly string[], content?: Uint8Array): AsyncGenerator<RawRow> {
  const bytes = openByteStream(path, content);
  const records = pipeline(bytes.stream, parse({ columns: columns ? [...columns] : true, bom: true }), () => {});
  let rowNumber = 0;
  try {
    for await (const record of records) {
      rowNumber += 1;
      yield { row: record as Record<string, unknown>, rowNumber };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = rowNumber + 1;
    throw new DatasetError(
      `${path}, row ${row} (line ${error.lines}): ${error.message}`,
      path,
      row,
      columns ? `the file should have exactly ${columns.length} columns (${columns.join(', ')}) and no header row` : undefined,
    );
  } finally {
    records.destroy();
    await bytes.close();
  }
}
