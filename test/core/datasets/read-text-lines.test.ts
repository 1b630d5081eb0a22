import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { LocalDatasetFile } from '../../../src/core/datasets/dataset-reader.js';
import { readTextLines } from '../../../src/core/datasets/read-text-lines.js';
import { DatasetError } from '../../../src/core/errors.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/hellaswag/${name}`, import.meta.url));

async function lines(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const { row, rowNumber } of readTextLines(path)) {
    expect(rowNumber).toBe(out.length + 1);
    out.push(row.line as string);
  }
  return out;
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-lines-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('readTextLines', () => {
  it('makes one row per \\n-terminated line, blank lines included, CRLF and a BOM dropped', async () => {
    const path = join(scratch, 'a.txt');
    await writeFile(path, '\uFEFFfirst\r\n\nthird\rstill third\u2028same line\nlast without newline');
    expect(await lines(path)).toEqual(['first', '', 'third\rstill third\u2028same line', 'last without newline']);
    await writeFile(path, 'one\n\n');
    expect(await lines(path)).toEqual(['one', '']);
    await writeFile(path, '');
    expect(await lines(path)).toEqual([]);
  });

  it('bunzips a .bz2 file on the fly, concatenated bzip2 streams included', async () => {
    // Made with `bzip2 -9` per item, the two outputs concatenated.
    const read = await lines(fixture('llamacpp-two-streams.txt.bz2'));
    expect(read).toHaveLength(12);
    expect(read[0]).toBe('Roof shingle removal: A man is sitting on a roof. he');
    expect(read[6]).toBe('Clean and jerk: A lady walks to a barbell. She bends down and grabs the pole. the lady');
    expect(read[11]).toBe('stands and lifts the weight over her head.');
  });

  it('reads the shared llama.cpp HellaSwag file byte for byte (sha256 from its SOURCE.md)', async () => {
    const hash = createHash('sha256');
    let count = 0;
    for await (const { row } of readTextLines(join(process.env.EVALFORGE_DATA_DIR!, 'hellaswag/derived/hellaswag_val_full.txt.bz2'))) {
      hash.update(`${row.line as string}\n`);
      count++;
    }
    expect(count).toBe(60252);
    expect(hash.digest('hex')).toBe('d572539320eb2050e858ca34b495bbe2103e3b3f1391a9c3bcdf215b0bb93bd1');
  });

  it('reports a corrupt .bz2 as a DatasetError naming the file', async () => {
    const reader = createDatasetReader({ cacheDir: join(scratch, 'cache'), offline: true });
    const file: LocalDatasetFile = { name: 'truncated', local: { format: 'lines', path: fixture('llamacpp-truncated.txt.bz2') } };
    const read = async () => {
      for await (const _ of reader.rows(file)) void _;
    };
    await expect(read()).rejects.toThrow(DatasetError);
    await expect(read()).rejects.toThrow(/llamacpp-truncated\.txt\.bz2: could not read it as lines/);
  });
});
