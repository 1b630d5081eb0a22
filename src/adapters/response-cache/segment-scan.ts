import { open } from 'node:fs/promises';

/** Every record line starts `{"key":"<64 hex digits>","value":` and ends `}`. */
export const RECORD_PREFIX = '{"key":"';
export const RECORD_VALUE = '","value":';
export const KEY_LENGTH = 64;

const PREFIX = Buffer.from(RECORD_PREFIX);
const VALUE = Buffer.from(RECORD_VALUE);
const HEAD = PREFIX.length + KEY_LENGTH + VALUE.length;
const CLOSE_BRACE = 0x7d;
const NEWLINE = 0x0a;
const HEX_KEY = /^[0-9a-f]{64}$/;
const CHUNK_BYTES = 1 << 20;

/** Where one record line sits in its segment file (newline excluded). */
export interface RecordSpan {
  key: string;
  offset: number;
  length: number;
}

/** The key of a record line in `buffer[start, end)`, or `undefined` if the line is not one. */
function recordKey(buffer: Buffer, start: number, end: number): string | undefined {
  if (end - start <= HEAD || buffer[end - 1] !== CLOSE_BRACE) return undefined;
  if (buffer.compare(PREFIX, 0, PREFIX.length, start, start + PREFIX.length) !== 0) return undefined;
  const keyEnd = start + PREFIX.length + KEY_LENGTH;
  if (buffer.compare(VALUE, 0, VALUE.length, keyEnd, keyEnd + VALUE.length) !== 0) return undefined;
  const key = buffer.toString('latin1', start + PREFIX.length, keyEnd);
  return HEX_KEY.test(key) ? key : undefined;
}

/**
 * Reads a segment file once, front to back in 1 MiB chunks, and calls `visit` for every line shaped
 * as a record, in file order, with the line's bytes (a view into the read buffer, valid only during
 * the call: copy what you keep). Only the line's frame is checked here (prefix, key, closing brace),
 * not its JSON: a damaged record is found when it is read. A last line without its newline (a
 * write cut short by a crash) is ignored.
 */
export async function scanSegment(path: string, visit: (span: RecordSpan, line: Buffer) => void): Promise<void> {
  const file = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    // buffer[0, filled) holds the file's bytes from `base` on; lines are cut out of it as they complete.
    let base = 0;
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        // One line longer than the buffer: grow it rather than split the line.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, base + filled);
      if (bytesRead === 0) return;
      filled += bytesRead;
      const view = buffer.subarray(0, filled);
      let start = 0;
      for (let end = view.indexOf(NEWLINE, start); end !== -1; end = view.indexOf(NEWLINE, start)) {
        const key = recordKey(view, start, end);
        if (key !== undefined) visit({ key, offset: base + start, length: end - start }, view.subarray(start, end));
        start = end + 1;
      }
      buffer.copy(buffer, 0, start, filled);
      base += start;
      filled -= start;
    }
  } finally {
    await file.close();
  }
}
