/**
 * The lines of a decoded text stream, split at `\n` only; a `\r` before it is dropped, so CRLF text
 * reads the same. Unlike `node:readline` (which from Node 24 also breaks lines at U+2028 and
 * U+2029, characters that `JSON.stringify` leaves raw inside strings), every other character stays
 * in its line, so one JSON Lines record is always one line. A last line without `\n` is yielded
 * too; the `\n` ending the text does not start another line.
 */
export async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    let end = pending.indexOf('\n');
    while (end !== -1) {
      yield withoutCarriageReturn(pending.slice(start, end));
      start = end + 1;
      end = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  if (pending !== '') yield withoutCarriageReturn(pending);
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
