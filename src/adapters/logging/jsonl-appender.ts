import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * How long the first queued line waits for others before they are written together. A process
 * killed without warning (kill -9) loses at most the lines of this window and of a write in flight.
 */
const APPEND_DELAY_MS = 100;

/** Appends lines to one file off the request path. */
export interface JsonlAppender {
  /** Queues `line` (newline-terminated) and returns at once; nothing touches the disk synchronously. */
  append(line: string): void;
  /**
   * Writes what is queued (without waiting out the delay) and closes the file. Rejects with the
   * first write error (later lines are dropped after one fails, so a full disk does not fail every
   * request).
   */
  close(): Promise<void>;
}

/**
 * Opens `path` for appending (creating its folder) on the first write. A line queued while nothing
 * is pending starts a `delayMs` timer (default APPEND_DELAY_MS) and every line queued until it
 * fires goes out in the same write; lines queued while a write is in flight start the next timer
 * when it ends. One write at a time, in queue order, so a busy run makes a few large appends a
 * second instead of one per line. The timer is not unref'd: queued lines keep the process alive
 * until they are written.
 */
export function createJsonlAppender(path: string, delayMs = APPEND_DELAY_MS): JsonlAppender {
  let queued: string[] = [];
  let file: Promise<FileHandle> | undefined;
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failure: unknown;
  let closed = false;

  async function writeQueued(): Promise<void> {
    const batch = queued.join('');
    queued = [];
    try {
      file ??= mkdir(dirname(path), { recursive: true }).then(() => open(path, 'a'));
      await (await file).appendFile(batch);
    } catch (error) {
      failure ??= error;
      queued = [];
    } finally {
      writing = undefined;
      if (queued.length > 0) schedule();
    }
  }

  function startWrite(): void {
    clearTimeout(timer);
    timer = undefined;
    writing = writeQueued();
  }

  function schedule(): void {
    timer ??= setTimeout(startWrite, delayMs);
  }

  return {
    append(line) {
      if (closed || failure !== undefined) return;
      queued.push(line);
      // With a write in flight, the line waits for it to end, then for the delay.
      if (writing === undefined) schedule();
    },
    async close() {
      closed = true;
      while (writing !== undefined || queued.length > 0) {
        if (writing !== undefined) await writing;
        else startWrite();
      }
      if (file) await (await file.catch(() => undefined))?.close();
      if (failure !== undefined) throw failure;
    },
  };
}
