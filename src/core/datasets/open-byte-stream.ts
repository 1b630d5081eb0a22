import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** A file's bytes as a stream, and a way to stop reading it that resolves once the file is closed. */
export interface ByteStream {
  stream: Readable;
  close(): Promise<void>;
}

/** Opens `path` for streaming; a name ending in `.gz` is gunzipped on the fly. */
export function openByteStream(path: string): ByteStream {
  const file = createReadStream(path);
  // pipeline() forwards file errors to the gunzip stream (so readers see them) and closes the file
  // when gunzip is destroyed; its callback has nothing to add.
  const stream = path.endsWith('.gz') ? pipeline(file, createGunzip(), () => {}) : file;
  return {
    stream,
    async close() {
      stream.destroy();
      file.destroy();
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    },
  };
}
