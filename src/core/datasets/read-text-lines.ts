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
  let pending = '';
  let rowNumber = 0;
  const row = (line: string): RawRow => {
    rowNumber += 1;
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    return { row: { line: rowNumber === 1 ? text.replace(/^\uFEFF/, '') : text }, rowNumber };
  };
  try {
    for await (const chunk of bytes.stream as AsyncIterable<string>) {
      pending += chunk;
      let end = pending.indexOf('\n');
      let start = 0;
      while (end !== -1) {
        yield row(pending.slice(start, end));
        start = end + 1;
        end = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
    }
    if (pending !== '') yield row(pending);
  } finally {
    await bytes.close();
  }
}
