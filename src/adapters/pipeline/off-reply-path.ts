let queued: Array<() => void> = [];
let scheduled = false;

function runQueued(): void {
  scheduled = false;
  const batch = queued;
  queued = [];
  for (const work of batch) {
    try {
      work();
    } catch (error) {
      // Bookkeeping must never take the run down; a broken statistic is reported, not thrown.
      process.emitWarning(`evalforge: bookkeeping after a reply failed: ${(error as Error).message}`, { code: 'EVALFORGE_BOOKKEEPING' });
    }
  }
}

/**
 * Runs `work` soon, in the event loop's check phase (`setImmediate`), not now: for bookkeeping on a
 * reply that its caller does not wait for (statistics, log records). When a burst of replies
 * arrives together, each reply then reaches its caller, and the caller's next request goes out,
 * before the burst's bookkeeping is done; done inline, every reply's bookkeeping delays all the
 * replies after it (docs/benchmarks.md). Pipelines run what is still queued before their
 * end-of-run reports (`drainOffReplyPath`).
 */
export function offReplyPath(work: () => void): void {
  queued.push(work);
  if (!scheduled) {
    scheduled = true;
    setImmediate(runQueued);
  }
}

/** Runs all queued bookkeeping now. */
export function drainOffReplyPath(): void {
  if (queued.length > 0) runQueued();
}
