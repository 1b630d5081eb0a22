import { DatasetError, EvalforgeError } from '../errors.js';
import type { RawRow, RawRowSource } from './raw-row.js';
import { readCsv } from './read-csv.js';
import { readJsonArray } from './read-json-array.js';
import { readJsonl } from './read-jsonl.js';
import { readParquet } from './read-parquet.js';
import { readTextLines } from './read-text-lines.js';
import { readZipMember, zipMemberPath } from './read-zip-member.js';

/**
 * Streams the rows of a file (on disk, or its `bytes` in memory) in the given format, in file
 * order. For a zip archive the member is decompressed into memory first and read from there, and
 * messages name it as `<archive>!/<member>`. I/O and decoding failures (unreadable file, corrupt
 * gzip, bzip2 or parquet) become DatasetErrors naming the file.
 */
export async function* readRawRows(source: RawRowSource): AsyncGenerator<RawRow> {
  const { location } = source;
  let { path, bytes } = source;
  try {
    if (location.zip) {
      bytes = await readZipMember(path, bytes, location.zip);
      path = zipMemberPath(path, location.zip.member);
    }
    switch (location.format) {
      case 'jsonl':
        yield* readJsonl(path, bytes);
        return;
      case 'json':
        yield* readJsonArray(path, bytes);
        return;
      case 'csv':
        yield* readCsv(path, location.csvColumns, bytes);
        return;
      case 'parquet':
        yield* readParquet(path, bytes);
        return;
      case 'lines':
        yield* readTextLines(path, bytes);
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
