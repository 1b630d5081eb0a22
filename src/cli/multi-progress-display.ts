import type { RunProgress } from '../core/runner.js';
import { describeProgress } from './progress-display.js';

/**
 * Progress of several tasks run at once: on a TTY one line per task (name, bar, done/total, rate,
 * ETA, errors), redrawn in place at most 10 times a second; elsewhere (CI logs, files) a plain line
 * per task that moved, every `logIntervalMs`.
 */
export function createMultiProgressDisplay(stream: NodeJS.WriteStream, names: readonly string[], logIntervalMs = 10_000) {
  const isTty = Boolean(stream.isTTY);
  const width = Math.max(...names.map((n) => n.length));
  const latest = new Map<string, RunProgress>();
  const logged = new Map<string, number>();
  let drawnLines = 0;
  let lastDraw = 0;

  const line = (name: string): string => {
    const p = latest.get(name);
    if (!p) return `${name.padEnd(width)}  waiting`;
    const barWidth = 20;
    const filled = p.total > 0 ? Math.min(barWidth, Math.round((p.done / p.total) * barWidth)) : 0;
    return `${name.padEnd(width)}  [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${describeProgress(p)}`;
  };

  const drawTty = () => {
    let out = drawnLines > 0 ? `\x1b[${drawnLines}A` : '';
    for (const name of names) out += `\r${line(name)}\x1b[K\n`;
    stream.write(out);
    drawnLines = names.length;
  };

  const logPlain = () => {
    for (const name of names) {
      const p = latest.get(name);
      if (!p || logged.get(name) === p.done) continue;
      logged.set(name, p.done);
      stream.write(`progress ${name}: ${describeProgress(p)}\n`);
    }
  };

  return {
    /** The `onProgress` callback for one task's run. */
    updater(name: string): (p: RunProgress) => void {
      return (p) => {
        latest.set(name, p);
        const now = Date.now();
        if (now - lastDraw < (isTty ? 100 : logIntervalMs)) return;
        lastDraw = now;
        if (isTty) drawTty();
        else logPlain();
      };
    },
    /** Draws the final state of every task (plain output: of those whose last line is out of date). */
    finish() {
      if (isTty) drawTty();
      else logPlain();
    },
  };
}
