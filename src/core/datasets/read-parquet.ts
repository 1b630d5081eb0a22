import { open, readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { AsyncBuffer } from 'hyparquet';
import type { RawRow } from './raw-row.js';

/**
 * Streams a Parquet file one row group at a time, so memory holds one decoded row group rather
 * than the table. INT64 values that fit a JS number become numbers; larger ones stay bigints.
 * Parquet needs random access, so a `.gz` file is decompressed into memory first. The file is
 * closed when the consumer stops iterating. `content`, when given, is the file's bytes already in
 * memory (then `path` only names it).
 */
export async function* readParquet(path: string, content?: Uint8Array): AsyncGenerator<RawRow> {
  const source = await openParquet(path, content);
  try {
    const metadata = await parquetMetadataAsync(source.file);
    let rowStart = 0;
    let rowNumber = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      const rows = await parquetReadObjects({ file: source.file, metadata, rowStart, rowEnd, rowFormat: 'object' });
      for (const row of rows) {
        rowNumber += 1;
        yield { row: plainValue(row) as Record<string, unknown>, rowNumber };
      }
      rowStart = rowEnd;
    }
  } finally {
    await source.close();
  }
}

async function openParquet(path: string, content?: Uint8Array): Promise<{ file: AsyncBuffer; close(): Promise<void> }> {
  if (content || path.endsWith('.gz')) {
    const raw = content ?? (await readFile(path));
    const bytes = path.endsWith('.gz') ? gunzipSync(raw) : raw;
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return { file: { byteLength: buffer.byteLength, slice: (start, end) => buffer.slice(start, end) }, close: async () => {} };
  }
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  const file: AsyncBuffer = {
    byteLength: size,
    async slice(start, end = size) {
      const bytes = new Uint8Array(end - start);
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, start + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return bytes.buffer;
    },
  };
  return { file, close: () => handle.close() };
}

function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainValue(item)]));
  }
  return value;
}
