import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Appends lines to one file off the request path. */
export interface JsonlAppender {
  /** Queues `line` (newline-terminated) and returns at once; nothing touches the disk synchronously. */
  append(line: string): void;
  /**
   * Writes what is queued and closes the file. Rejects with the first write error (later lines
   * are dropped after one fails, so a full disk does not fail every request).
   */
  close(): Promise<void>;
}

/**
 * Opens `path` for appending (creating its folder) on the first line. Lines queued while a write
 * is in flight go out together in the next write, so a busy run makes few large appends.
 */
export function createJsonlAppender(path: string): JsonlAppender {
  let queued: string[] = [];
  let file: Promise<FileHandle> | undefined;
  let writing: Promise<void> | undefined;
  let failure: unknown;
  let closed = false;

  async function drain(): Promise<void> {
    try {
      file ??= mkdir(dirname(path), { recursive: true }).then(() => open(path, 'a'));
      const handle = await file;
      while (queued.length > 0) {
        const batch = queued.join('');
        queued = [];
        await handle.appendFile(batch);
      }
    } catch (error) {
      failure ??= error;
      queued = [];
    } finally {
      writing = undefined;
    }
  }

  return {
    append(line) {
      if (closed || failure !== undefined) return;
      queued.push(line);
      // Waiting one turn lets the lines of requests finishing together share a write.
      writing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(drain);
    },
    async close() {
      closed = true;
      while (writing) await writing;
      if (file) await (await file.catch(() => undefined))?.close();
      if (failure !== undefined) throw failure;
    },
  };
}
