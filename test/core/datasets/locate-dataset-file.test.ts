import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetFile, LocalDatasetFile } from '../../../src/core/datasets/dataset-reader.js';
import { locateDatasetFile, type DatasetSearch } from '../../../src/core/datasets/locate-dataset-file.js';
import { DatasetError } from '../../../src/core/errors.js';

let scratch: string;
let rowsPath: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-locate-'));
  rowsPath = join(scratch, 'rows.jsonl');
  await writeFile(rowsPath, '{"a": 1}\n{"a": 2}\n');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const unusedFetch = (() => {
  throw new Error('no download expected');
}) as unknown as typeof fetch;

const search = (overrides: Partial<DatasetSearch> = {}): DatasetSearch => ({
  cacheDir: join(scratch, 'cache'),
  hfEndpoint: 'http://127.0.0.1:9',
  fetch: unusedFetch,
  offline: true,
  ...overrides,
});

describe('locateDatasetFile with an absolute local path', () => {
  it('reads the path as is, without EVALFORGE_DATA_DIR', async () => {
    const file: LocalDatasetFile = { name: 'custom/rows', local: { path: rowsPath, format: 'jsonl' } };
    expect(await locateDatasetFile(file, search())).toEqual({ path: rowsPath, location: file.local });
    expect(await locateDatasetFile(file, search({ dataDir: join(scratch, 'elsewhere') }))).toEqual({ path: rowsPath, location: file.local });
  });

  it('fails for a missing local-only file, naming the path', async () => {
    const missing = join(scratch, 'missing.jsonl');
    const error = await locateDatasetFile({ name: 'custom/missing', local: { path: missing, format: 'jsonl' } }, search()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).location).toBe(missing);
    expect((error as DatasetError).message).toBe(`Dataset file custom/missing not found at ${missing}\n  Fix: check the path (and that the file is readable)`);
  });

  it('for a relative local-only file, names the EVALFORGE_DATA_DIR it searched, or that none is set', async () => {
    const file: LocalDatasetFile = { name: 'mt_bench/question', local: { path: 'mt_bench/question.jsonl', format: 'jsonl' } };
    const dataDir = join(scratch, 'data');
    const searched = (await locateDatasetFile(file, search({ dataDir })).catch((e: unknown) => e)) as DatasetError;
    expect(searched.message).toBe(
      `Dataset file mt_bench/question not found at ${join(dataDir, 'mt_bench/question.jsonl')} (EVALFORGE_DATA_DIR + mt_bench/question.jsonl)\n  Fix: set EVALFORGE_DATA_DIR to a folder holding mt_bench/question.jsonl`,
    );
    const unset = (await locateDatasetFile(file, search({ dataDir: undefined })).catch((e: unknown) => e)) as DatasetError;
    expect(unset.message).toMatch(/^Dataset file mt_bench\/question not found: mt_bench\/question\.jsonl is relative and EVALFORGE_DATA_DIR is not set\n/);
    expect(unset.location).toBe('mt_bench/question.jsonl');
  });

  it('falls back to the hub source when an absolute path of a hub-backed file is missing', async () => {
    const missing = join(scratch, 'gone.jsonl');
    const file: DatasetFile = { name: 'x', local: { path: missing, format: 'jsonl' }, hub: { repo: 'org/x', revision: 'r1', path: 'x.jsonl', format: 'jsonl' } };
    const error = (await locateDatasetFile(file, search()).catch((e: unknown) => e)) as DatasetError;
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.message).toContain(`  - local: ${missing} (not found)\n  - cache: `);
    expect(error.message).toContain(`Fix: put the file at ${missing}; or go online`);
  });
});

describe('createDatasetReader with a LocalDatasetFile', () => {
  it('streams the rows and records a file: source', async () => {
    const reader = createDatasetReader({ dataDir: join(scratch, 'elsewhere'), cacheDir: join(scratch, 'cache'), offline: true });
    const rows = [];
    for await (const row of reader.rows({ name: 'custom/rows', local: { path: rowsPath, format: 'jsonl' } })) rows.push(row);
    expect(rows).toEqual([
      { row: { a: 1 }, rowNumber: 1, location: rowsPath },
      { row: { a: 2 }, rowNumber: 2, location: rowsPath },
    ]);
    expect(reader.provenance()).toEqual([
      // Python: sha256('{"a":1}\n{"a":2}'.encode()).hexdigest()
      { name: 'custom/rows', source: `file:${rowsPath}`, readFrom: rowsPath, rows: 2, sha256: '35a4bed300476fba01ebdfc26d809fe0945ce1d3a67f242fa1ec327e727b8279' },
    ]);
  });
});
