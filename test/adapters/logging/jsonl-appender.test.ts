import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonlAppender } from '../../../src/adapters/logging/jsonl-appender.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-appender-'));

describe('jsonl appender', () => {
  it('writes nothing synchronously, then every line in order, creating the folder', async () => {
    const path = join(await tempDir(), 'logs', 'x.jsonl');
    const appender = createJsonlAppender(path);
    for (let i = 0; i < 500; i++) appender.append(`${i}\n`);
    expect(existsSync(path)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 500; i < 1000; i++) appender.append(`${i}\n`);
    await appender.close();
    expect((await readFile(path, 'utf8')).trimEnd().split('\n')).toEqual(Array.from({ length: 1000 }, (_, i) => String(i)));
  });

  it('appends to an existing file (a resumed run)', async () => {
    const path = join(await tempDir(), 'x.jsonl');
    await writeFile(path, 'old\n');
    const appender = createJsonlAppender(path);
    appender.append('new\n');
    await appender.close();
    expect(await readFile(path, 'utf8')).toBe('old\nnew\n');
  });

  it('rejects close() with the write error and drops later lines', async () => {
    const blocker = join(await tempDir(), 'a-file');
    await writeFile(blocker, '');
    const appender = createJsonlAppender(join(blocker, 'x.jsonl'));
    appender.append('1\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    appender.append('2\n');
    await expect(appender.close()).rejects.toThrow(/EEXIST|ENOTDIR/);
  });

  it('gathers the lines of one delay into one write and close() does not wait out the delay', async () => {
    const path = join(await tempDir(), 'x.jsonl');
    const slow = createJsonlAppender(path, { delayMs: 60_000 });
    slow.append('a\n');
    slow.append('b\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(path)).toBe(false);
    const started = performance.now();
    await slow.close();
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(await readFile(path, 'utf8')).toBe('a\nb\n');
  });
});
