import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyedLog } from '../../../src/adapters/response-cache/keyed-log.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-keyed-log-'));
const key = (n: number) => n.toString(16).padStart(64, '0');

async function segmentFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).map((name) => join(dir, name));
}

describe.each([
  ['lines kept in memory from the scan', undefined],
  ['lines read back from disk', 0],
])('KeyedLog, %s', (_, retainBytes) => {
  const open = (dir: string) => KeyedLog.open(dir, retainBytes);

  it('stores values by key and reads them back, in this and the next session', async () => {
    const dir = join(await tempDir(), 'responses');
    const log = await open(dir);
    expect(log.size).toBe(0);
    log.put(key(1), JSON.stringify({ body: 'one ✓' }));
    log.put(key(2), JSON.stringify({ body: 'two' }));
    expect(log.has(key(1))).toBe(true);
    expect(log.size).toBe(2);
    await log.close();

    const again = await open(dir);
    expect(again.size).toBe(2);
    expect(await again.get(key(1))).toEqual({ body: 'one ✓' });
    expect(await again.get(key(2))).toEqual({ body: 'two' });
    expect(await again.get(key(3))).toBeUndefined();
    await again.close();
  });

  it('serializes many concurrent puts into whole lines (one appender)', async () => {
    const dir = await tempDir();
    const log = await open(dir);
    const values = Array.from({ length: 500 }, (_, i) => ({ body: 'x'.repeat(i * 37), i }));
    await Promise.all(values.map(async (value, i) => log.put(key(i), JSON.stringify(value))));
    await log.close();
    const [segment] = await segmentFiles(dir);
    const lines = (await readFile(segment!, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line).value.i).sort((a, b) => a - b)).toEqual(values.map((v) => v.i));

    const again = await open(dir);
    expect(await again.get(key(321))).toEqual(values[321]);
    await again.close();
  });

  it('ignores a last line cut short by a crash and keeps the rest', async () => {
    const dir = await tempDir();
    const log = await open(dir);
    for (let i = 0; i < 3; i++) log.put(key(i), JSON.stringify({ i }));
    await log.close();
    const [segment] = await segmentFiles(dir);
    const { length } = await readFile(segment!);
    await truncate(segment!, length - 4);

    const again = await open(dir);
    expect(again.size).toBe(2);
    expect(await again.get(key(0))).toEqual({ i: 0 });
    expect(await again.get(key(2))).toBeUndefined();
    // A new session writes its own segment: nothing is appended to the damaged one.
    again.put(key(2), JSON.stringify({ i: 2 }));
    await again.close();
    expect(await segmentFiles(dir)).toHaveLength(2);
    const third = await open(dir);
    expect(await third.get(key(2))).toEqual({ i: 2 });
    await third.close();
  });

  it('treats a framed but damaged line as absent, and skips lines that are not records', async () => {
    const dir = await tempDir();
    const good = `{"key":"${key(1)}","value":{"ok":true}}`;
    const damaged = `{"key":"${key(2)}","value":{"ok":tr}`;
    await writeFile(join(dir, '0-segment.jsonl'), `${good}\nnot a record\n{"key":"short","value":1}\n${damaged}\n`);
    const log = await open(dir);
    expect(log.size).toBe(2);
    expect(await log.get(key(1))).toEqual({ ok: true });
    expect(await log.get(key(2))).toBeUndefined();
    expect(log.has(key(2))).toBe(false);
    await log.close();
  });

  it('indexes segments of several writers, lines longer than the read buffer included', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const second = await open(dir);
    const big = 'y'.repeat(3 * 1024 * 1024);
    first.put(key(1), JSON.stringify({ big }));
    second.put(key(2), JSON.stringify({ small: 1 }));
    await Promise.all([first.close(), second.close()]);
    expect(await segmentFiles(dir)).toHaveLength(2);
    const merged = await open(dir);
    expect(await merged.get(key(1))).toEqual({ big });
    expect(await merged.get(key(2))).toEqual({ small: 1 });
    await merged.close();
  });

  it('reads from more segments than it keeps open', async () => {
    const dir = await tempDir();
    for (let i = 0; i < 70; i++) {
      const writer = await open(dir);
      writer.put(key(i), JSON.stringify({ i }));
      await writer.close();
    }
    const log = await open(dir);
    const values = await Promise.all(Array.from({ length: 70 }, (_, i) => log.get(key(i))));
    expect(values).toEqual(Array.from({ length: 70 }, (_, i) => ({ i })));
    await log.close();
  });
});
