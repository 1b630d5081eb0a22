import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshotFile } from '../../../src/adapters/logging/snapshot-file.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-snapshot-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('snapshot file', () => {
  it('coalesces changes into one write after the delay, nothing synchronously', async () => {
    const path = join(await tempDir(), 'state.json');
    let state = 0;
    let renders = 0;
    const file = createSnapshotFile(
      path,
      () => {
        renders++;
        return String(state);
      },
      { delayMs: 30 },
    );
    for (let i = 0; i < 100; i++) {
      state++;
      file.changed();
    }
    expect(existsSync(path)).toBe(false);
    await sleep(150);
    expect(await readFile(path, 'utf8')).toBe('100');
    expect(renders).toBe(1);
    await file.flush();
    expect(renders).toBe(1);
  });

  it('flush() writes a pending change at once, without waiting out the delay, and leaves no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'state.json');
    let state = 'first';
    const file = createSnapshotFile(path, () => state, { delayMs: 60_000 });
    file.changed();
    const started = performance.now();
    await file.flush();
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(await readFile(path, 'utf8')).toBe('first');
    state = 'second';
    file.changed();
    await file.flush();
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('flush() waits for a write in flight and then writes the changes made during it', async () => {
    const path = join(await tempDir(), 'state.json');
    let state = 1;
    const file = createSnapshotFile(path, () => String(state), { delayMs: 0 });
    file.changed();
    await sleep(5);
    state = 2;
    file.changed();
    await file.flush();
    expect(await readFile(path, 'utf8')).toBe('2');
    expect(file.error).toBeUndefined();
  });

  it('reports the first failed write once and keeps the message', async () => {
    const path = join(await tempDir(), 'missing-folder', 'state.json');
    const messages: string[] = [];
    const file = createSnapshotFile(path, () => 'x', { delayMs: 0, onError: (message) => messages.push(message) });
    file.changed();
    await file.flush();
    file.changed();
    await file.flush();
    expect(messages).toHaveLength(1);
    expect(file.error).toMatch(/ENOENT/);
  });
});
