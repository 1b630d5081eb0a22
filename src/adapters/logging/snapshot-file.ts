import { rename, writeFile } from 'node:fs/promises';

/**
 * How long a change waits before it is written, so the changes of many replies share one write. A
 * process killed without warning (kill -9, power loss) loses at most the changes of this window
 * plus those of a write in flight; every orderly end writes the latest state (`flush`).
 */
const SNAPSHOT_DELAY_MS = 100;

/** A small file that follows an in-memory state, rewritten off the request path. */
export interface SnapshotFile {
  /** Marks the state changed; returns at once, nothing touches the disk synchronously. */
  changed(): void;
  /**
   * Writes a pending change now (without waiting out the delay) and resolves once the file holds
   * the state as it was when `flush` was called, or the write failed (see `error`).
   */
  flush(): Promise<void>;
  /** The message of the first failed write, if any; later changes are still tried. */
  readonly error: string | undefined;
}

/**
 * Keeps `path` equal to `render()`: each write goes to `<path>.tmp-<pid>` and is renamed over
 * `path`, so a reader (or a resumed run) sees the old or the new text, never half of one. Writes
 * are coalesced: the first change after a quiet spell starts a `delayMs` timer (default
 * SNAPSHOT_DELAY_MS), one write is in flight at a time, and changes made meanwhile are written
 * together `delayMs` after it ends, so a busy run writes a few times a second, not once per reply.
 * The timer is not unref'd: a pending change keeps the process alive until it is written.
 * `onError` is called with the first failure's message.
 */
export function createSnapshotFile(
  path: string,
  render: () => string,
  options: { delayMs?: number; onError?: (message: string) => void } = {},
): SnapshotFile {
  const delayMs = options.delayMs ?? SNAPSHOT_DELAY_MS;
  const tmp = `${path}.tmp-${process.pid}`;
  // `version` counts changes; `started` is the version the latest write rendered.
  let version = 0;
  let started = 0;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let error: string | undefined;

  async function write(): Promise<void> {
    try {
      started = version;
      await writeFile(tmp, render());
      await rename(tmp, path);
    } catch (failure) {
      if (error === undefined) {
        error = (failure as Error).message;
        options.onError?.(error);
      }
    } finally {
      writing = undefined;
      if (version > started) schedule();
    }
  }

  function startWrite(): void {
    clearTimeout(timer);
    timer = undefined;
    writing = write();
  }

  function schedule(): void {
    timer ??= setTimeout(startWrite, delayMs);
  }

  return {
    changed() {
      version++;
      if (writing === undefined) schedule();
    },
    async flush() {
      const target = version;
      while (started < target || writing !== undefined) {
        if (writing !== undefined) await writing;
        else startWrite();
      }
    },
    get error() {
      return error;
    },
  };
}
