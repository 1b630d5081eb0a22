import type { RunProgress } from '../core/runner.js';

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '--:--';
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** One status line: done/total, rate and ETA over this run's own requests (resumed ones are free). */
export function describeProgress(p: RunProgress): string {
  const requested = p.done - p.resumed;
  const rate = p.elapsedMs > 0 ? (requested * 1000) / p.elapsedMs : 0;
  const remaining = p.total - p.done;
  const eta = rate > 0 ? (remaining / rate) * 1000 : Number.POSITIVE_INFINITY;
  const resumed = p.resumed > 0 ? `, ${p.resumed} resumed` : '';
  return `${p.done}/${p.total} samples (${rate.toFixed(1)}/s, ETA ${formatDuration(eta)}, ${p.failed} errors${resumed})`;
}

/**
 * A progress bar redrawn in place on a TTY (at most 10 times a second), or a plain log line every
 * `logIntervalMs` elsewhere (CI logs, files), so neither floods its output.
 */
export function createProgressDisplay(stream: NodeJS.WriteStream, logIntervalMs = 10_000) {
  let lastDraw = 0;
  let last: RunProgress | undefined;
  const isTty = Boolean(stream.isTTY);
  const draw = (p: RunProgress) => {
    if (isTty) {
      const width = 30;
      const filled = p.total > 0 ? Math.round((p.done / p.total) * width) : 0;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${describeProgress(p)}\x1b[K`);
    } else {
      stream.write(`progress: ${describeProgress(p)}\n`);
    }
  };
  return {
    update(p: RunProgress) {
      last = p;
      const now = Date.now();
      if (now - lastDraw >= (isTty ? 100 : logIntervalMs)) {
        lastDraw = now;
        draw(p);
      }
    },
    finish() {
      if (last) draw(last);
      if (isTty && last) stream.write('\n');
    },
  };
}
