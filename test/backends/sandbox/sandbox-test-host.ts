import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { IsolationReport } from '../../../src/backends/sandbox/index.js';

/**
 * Points os.tmpdir() (which the sandbox puts program directories under) at a fresh directory of
 * this test file's own, so leftovers can be counted without seeing other test files' sandboxes.
 * Returns a function listing what is left in it.
 */
export function isolateTmpdir(): { entries: () => string[]; remove: () => void } {
  const dir = mkdtempSync('/tmp/evalforge-sandbox-test-');
  // The sandbox user (65534) must reach the program directories inside it.
  chmodSync(dir, 0o711);
  process.env.TMPDIR = dir;
  return {
    entries: () => readdirSync(dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

let markerCounter = 0;

/**
 * A whole number of seconds made unique to one test by a fraction under a millisecond (e.g.
 * 2.000483071): it appears at the end of the program's command line, so processes of that test can
 * be told apart from every other sandbox on the machine.
 */
export function markedTimeout(seconds: number): number {
  markerCounter += 1;
  return Number(`${seconds}.000${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}${markerCounter}1`);
}

/** Command lines of live processes of `uid` that end with the marked time limit (`pgrep -u <uid> -f`, scoped to one test). */
export function processesWithMarker(marker: number, uid = 65534): string[] {
  let listing = '';
  try {
    listing = execFileSync('ps', ['-u', String(uid), '-o', 'args='], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when the user has no processes at all.
  }
  return listing
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.endsWith(` ${marker}`));
}

/** How many python interpreters (not their bwrap monitors) run a program with this marker. */
export function pythonsWithMarker(isolation: IsolationReport, marker: number): number {
  return processesWithMarker(marker, isolation.setup.uid).filter((line) => line.startsWith(isolation.setup.pythonPath)).length;
}

/** Cgroups this process created and did not remove. */
export function leftoverCgroups(isolation: IsolationReport): string[] {
  const parent = isolation.setup.pidsCgroup?.dir;
  if (!parent || !existsSync(parent)) return [];
  return readdirSync(parent).filter((name) => name.startsWith(`evalforge-sandbox-${process.pid}-`));
}
