import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSampleLog } from '../../src/core/results/sample-log.js';
import { textLines } from '../../src/core/text-lines.js';

async function lines(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const line of textLines((async function* () {
    yield* chunks;
  })())) out.push(line);
  return out;
}

describe('textLines', () => {
  it('splits at \\n only, drops a \\r before it, keeps U+2028, U+2029 and lone \\r in the line', async () => {
    expect(await lines(['a\u2028b\nc\r\nd\u2029e\rf\n'])).toEqual(['a\u2028b', 'c', 'd\u2029e\rf']);
  });

  it('joins lines across chunk boundaries and yields a last line without \\n', async () => {
    expect(await lines(['ab', 'c\nde', '', 'f\r', '\ng'])).toEqual(['abc', 'def', 'g']);
    expect(await lines(['x\n'])).toEqual(['x']);
    expect(await lines(['\n\n'])).toEqual(['', '']);
    expect(await lines([])).toEqual([]);
  });

  it('reads back a samples.jsonl record whose text holds U+2028 as one record (node:readline splits it on Node 24)', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'evalforge-lines-')), 'samples.jsonl');
    const records = [{ id: '0', scores: { score: 1 }, response: 'one\u2028two\u2029three' }, { id: '1', scores: {} }];
    await writeFile(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const read = [];
    for await (const record of readSampleLog(path)) read.push(record);
    expect(read).toEqual(records);
  });
});
