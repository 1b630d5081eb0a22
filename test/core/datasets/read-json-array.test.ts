import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonArray } from '../../../src/core/datasets/read-json-array.js';
import { DatasetError } from '../../../src/core/errors.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-json-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function read(text: string): Promise<unknown[]> {
  const path = join(scratch, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, text);
  const rows: unknown[] = [];
  for await (const { row } of readJsonArray(path)) rows.push(row);
  return rows;
}

describe('readJsonArray', () => {
  it('splits elements whose strings hold brackets, commas and escaped quotes', async () => {
    const rows = [{ a: '],[{"\\' }, { b: [1, { c: 'x,y' }], d: { e: [] } }, { f: '\u00e9\u{1F600}' }];
    expect(await read(`\uFEFF  ${JSON.stringify(rows, null, 2)}\n`)).toEqual(rows);
  });

  it('reads an empty array as no rows', async () => {
    expect(await read(' [ ] ')).toEqual([]);
  });

  it.each([
    ['{"a": 1}', 'starts with "{"'],
    ['[{"a": 1}] x', 'after the closing "]"'],
    ['[{"a": 1},', 'ends before the closing "]"'],
    ['', 'is empty'],
    ['[{"a": 1}, 2]', 'row 2: expected a JSON object'],
    ['[{"a": 1},]', 'row 2: not valid JSON'],
  ])('rejects %j', async (text, problem) => {
    const error = await read(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).message).toContain(problem);
  });
});
