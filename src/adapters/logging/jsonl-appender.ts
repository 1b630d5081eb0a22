import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * How long the first queued item waits for others before they are written together. A process
 * killed without warning (kill -9) loses at most the lines of this window and of a write in flight.
 */
const APPEND_DELAY_MS = 100;

/** Appends lines to one file off the request path. */
export interface JsonlAppender<T = string> {
  /**
   * Queues `item` and returns at once; nothing touches the disk synchronously. An item is turned
   * into its line (newline-terminated) only when its batch is written, so it must not change
   * after it is appended.
   */
  append(item: T): void;
  /**
   * Writes what is queued (without waiting out the delay) and closes the file. Rejects with the
   * first write error (later lines are dropped after one fails, so a full disk does not fail every
   * request).
   */
  close(): Promise<void>;
}

export interface JsonlAppenderOptions<T> {
  /** Milliseconds the first queued item waits for others (default 100). */
  delayMs?: number;
  /** An item's line, newline-terminated; items are lines already when omitted. */
  toLine?: (item: T) => string;
}

/**
 * Opens `path` for appending (creating its folder) on the first write. An item queued while
 * nothing is pending starts a `delayMs` timer and every item queued until it fires goes out in the
 * same write; items queued while a write is in flight start the next timer when it ends. One write
 * at a time, in queue order, so a busy run makes a few large appends a second instead of one per
 * line, and the lines are built then (`toLine`), in a batch, not on the request path. The timer is
 * not unref'd: queued items keep the process alive until they are written.
 */
export function createJsonlAppender(path: string, options?: JsonlAppenderOptions<string>): JsonlAppender<string>;
export function createJsonlAppender<T>(path: string, options: JsonlAppenderOptions<T> & { toLine: (item: T) => string }): JsonlAppender<T>;
export function createJsonlAppender<T>(path: string, options: JsonlAppenderOptions<T> = {}): JsonlAppender<T> {
  const delayMs = options.delayMs ?? APPEND_DELAY_MS;
  const toLine = options.toLine ?? ((item: T) => item as unknown as string);
  let queued: T[] = [];
  let file: Promise<FileHandle> | undefined;
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failure: unknown;
  let closed = false;

  async function writeQueued(): Promise<void> {
    const items = queued;
    queued = [];
    try {
      let batch = '';
      for (const item of items) batch += toLine(item);
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
    append(item) {
      if (closed || failure !== undefined) return;
      queued.push(item);
      // With a write in flight, the item waits for it to end, then for the delay.
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
