import { DatasetError } from '../errors.js';
import { textLines } from '../text-lines.js';
import { openByteStream } from './open-byte-stream.js';
import type { RawRow } from './raw-row.js';

/**
 * Streams a JSON Lines file one line at a time (`\n` or `\r\n` only, see `textLines`). Blank lines are skipped and do
 * not count as rows; every other line must be one JSON object, else a DatasetError names the file,
 * the row and the line. The file is closed when the consumer stops iterating. `content`, when
 * given, is the file's bytes already in memory (then `path` only names it).
 */
export async function* readJsonl(path: string, content?: Uint8Array): AsyncGenerator<RawRow> {
  const bytes = openByteStream(path, content);
  bytes.stream.setEncoding('utf8');
  let lineNumber = 0;
  let rowNumber = 0;
  try {
    for await (const line of textLines(bytes.stream as AsyncIterable<string>)) {
      lineNumber += 1;
      const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (text.trim() === '') continue;
      rowNumber += 1;
      yield { row: parseObject(text, path, rowNumber, lineNumber), rowNumber };
    }
  } finally {
    await bytes.close();
  }
}

function parseObject(text: string, path: string, rowNumber: number, lineNumber: number): Record<string, unknown> {
  const where = `${path}, row ${rowNumber} (line ${lineNumber})`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(
      `${where}: not valid JSON (${(error as Error).message})`,
      path,
      rowNumber,
      'each line of a .jsonl file must be one complete JSON object; re-download or repair the file',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DatasetError(`${where}: expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`, path, rowNumber);
  }
  return value as Record<string, unknown>;
}
