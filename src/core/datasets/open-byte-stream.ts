import { createReadStream } from 'node:fs';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import bunzip2 from 'unbzip2-stream';

/** A file's bytes as a stream, and a way to stop reading it that resolves once the file is closed. */
export interface ByteStream {
  stream: Readable;
  close(): Promise<void>;
}

/**
 * Opens `path` for streaming, or streams `bytes` when the content is already in memory (then
 * `path` only names it); a name ending in `.gz` is gunzipped and one ending in `.bz2` bunzipped
 * (concatenated bzip2 streams included) on the fly.
 */
export function openByteStream(path: string, bytes?: Uint8Array): ByteStream {
  const file = bytes ? Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)], { objectMode: false }) : createReadStream(path);
  // pipeline() forwards file errors to the decompressed stream (so readers see them) and closes the
  // file when that stream is destroyed; its callback has nothing to add.
  const stream = path.endsWith('.gz') ? pipeline(file, createGunzip(), () => {}) : path.endsWith('.bz2') ? bunzipped(file) : file;
  return {
    stream,
    async close() {
      stream.destroy();
      file.destroy();
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    },
  };
}

/**
 * `file` decompressed by unbzip2-stream (Node has no bzip2). Its decoder is an old-style `through`
 * stream, so a PassThrough gives readers a real Readable (`setEncoding`, async iteration).
 */
function bunzipped(file: Readable): Readable {
  return pipeline(file, bunzip2(), new PassThrough(), () => {});
}
