import { textLines } from '../text-lines.js';
import { openByteStream } from './open-byte-stream.js';
import type { RawRow } from './raw-row.js';

/**
 * Streams a UTF-8 text file as one row `{ line }` per line, in file order. Lines end at `\n` only
 * (a `\r` before it is dropped, so CRLF files read the same; other line separators such as a lone
 * `\r` or U+2028 stay in the text). Every line is a row, blank ones included, since positional
 * layouts count them; the newline ending the file does not start another row. A BOM at the start
 * is dropped. The file is closed when the consumer stops iterating.
 */
export async function* readTextLines(path: string, content?: Uint8Array): AsyncGenerator<RawRow> {
  const bytes = openByteStream(path, content);
  bytes.stream.setEncoding('utf8');
  let rowNumber = 0;
  try {
    for await (const line of textLines(bytes.stream as AsyncIterable<string>)) {
      rowNumber += 1;
      yield { row: { line: rowNumber === 1 ? line.replace(/^\uFEFF/, '') : line }, rowNumber };
    }
  } finally {
    await bytes.close();
  }
}
