import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetFile, DatasetReader, DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { startFakeHub } from './hub-server.js';
import type { FakeHub } from './hub-server.js';

const TOKEN = 'hf_evalforgeZipTestSecret';
const REVISION = 'main';
const PASSWORD = 'deserted-untie-orchid';
const FIXTURES = join(import.meta.dirname, '../../fixtures/gpqa');
const FIXTURE_DATA_DIR = join(FIXTURES, 'data');
const FIXTURE_ZIP = join(FIXTURE_DATA_DIR, 'gpqa/dataset.zip');
const FIXTURE_CSV = join(FIXTURES, 'hub/gpqa_diamond.csv');

let hub: FakeHub;
let scratch: string;

beforeAll(async () => {
  hub = await startFakeHub({
    token: TOKEN,
    repo: 'org/gpqa-like',
    renamedRepo: 'old/gpqa-like',
    revision: REVISION,
    files: { 'gpqa_diamond.csv': FIXTURE_CSV, 'dataset.zip': FIXTURE_ZIP },
  });
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-zip-'));
});
afterAll(async () => {
  await hub.close();
  await rm(scratch, { recursive: true, force: true });
});

const questionOnly = (raw: Record<string, unknown>) => ({ question: raw.Question, correct: raw['Correct Answer'] });

/** A GPQA-shaped file: the zip member locally, `hub` as given. */
function file(hub: DatasetFile['hub'], password = PASSWORD): DatasetFile {
  return {
    name: 'gpqa-like/diamond',
    local: { path: 'gpqa/dataset.zip', format: 'csv', zip: { member: 'dataset/gpqa_diamond.csv', password }, normalize: questionOnly },
    hub,
  };
}

const uncachedCsv: DatasetFile['hub'] = { repo: 'org/gpqa-like', revision: REVISION, path: 'gpqa_diamond.csv', format: 'csv', cache: false, normalize: questionOnly };

async function readAll(reader: DatasetReader, f: DatasetFile): Promise<DatasetRow[]> {
  const rows: DatasetRow[] = [];
  for await (const row of reader.rows(f)) rows.push(row);
  return rows;
}

async function readError(reader: DatasetReader, f: DatasetFile): Promise<DatasetError> {
  try {
    await readAll(reader, f);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

function requests(): number {
  return hub.hubRequests.length + hub.cdnRequests.length;
}

describe('a zip member as a dataset file', () => {
  it('reads the member in memory, naming it <archive>!/<member> in rows and provenance', async () => {
    const reader = createDatasetReader({ dataDir: FIXTURE_DATA_DIR, cacheDir: join(scratch, 'unused'), offline: true });
    const rows = await readAll(reader, file(uncachedCsv));
    expect(rows).toHaveLength(6);
    expect(rows[0]!.row).toEqual({ question: 'Fixture question 1: which number is prime?', correct: '7' });
    expect(rows[1]!.row.correct).toBe('  Spaced  answer [title] here ');
    expect(rows[0]!.location).toBe(`${FIXTURE_ZIP}!/dataset/gpqa_diamond.csv`);
    const [provenance] = reader.provenance();
    expect(provenance).toMatchObject({ source: 'hub:org/gpqa-like@main/gpqa_diamond.csv', readFrom: `${FIXTURE_ZIP}!/dataset/gpqa_diamond.csv`, rows: 6 });
    expect(existsSync(join(scratch, 'unused'))).toBe(false);
  });

  it('fails with a DatasetError naming the archive when the password is wrong', async () => {
    const reader = createDatasetReader({ dataDir: FIXTURE_DATA_DIR, cacheDir: join(scratch, 'unused'), offline: true });
    const error = await readError(reader, file(uncachedCsv, 'wrong'));
    expect(error.message).toContain(`${FIXTURE_ZIP}!/dataset/gpqa_diamond.csv: wrong password`);
  });

  it('reads a zip on the hub through the cache, where it stays encrypted', async () => {
    const cacheDir = join(scratch, 'zip-cache');
    const zipOnHub: DatasetFile['hub'] = {
      repo: 'org/gpqa-like',
      revision: REVISION,
      path: 'dataset.zip',
      format: 'csv',
      zip: { member: 'dataset/gpqa_diamond.csv', password: PASSWORD },
      normalize: questionOnly,
    };
    const reader = createDatasetReader({ dataDir: join(scratch, 'no-data'), cacheDir, hfEndpoint: hub.endpoint, hfToken: TOKEN, offline: false });
    const rows = await readAll(reader, file(zipOnHub));
    expect(rows).toHaveLength(6);
    const cached = join(cacheDir, 'datasets/org/gpqa-like', REVISION, 'dataset.zip');
    expect(rows[0]!.location).toBe(`${cached}!/dataset/gpqa_diamond.csv`);
    expect(await readdir(join(cacheDir, 'datasets/org/gpqa-like', REVISION))).toEqual(['dataset.zip']);
  });
});

describe('a hub file with cache: false', () => {
  it('is fetched into memory once per reader and never written to the cache', async () => {
    const cacheDir = join(scratch, 'never-written');
    const options = { dataDir: join(scratch, 'no-data'), cacheDir, hfEndpoint: hub.endpoint, hfToken: TOKEN, offline: false };
    const before = requests();
    const reader = createDatasetReader(options);
    const first = await readAll(reader, file(uncachedCsv));
    expect(first).toHaveLength(6);
    const url = `${hub.endpoint}/datasets/org/gpqa-like/resolve/main/gpqa_diamond.csv`;
    expect(first[0]!.location).toBe(url);
    expect(reader.provenance()[0]).toMatchObject({ source: 'hub:org/gpqa-like@main/gpqa_diamond.csv', readFrom: url, rows: 6 });
    expect(requests() - before).toBe(2); // the hub's 302, then the CDN

    // A second pass (as runs make) reads the copy held in memory.
    expect((await readAll(reader, file(uncachedCsv))).map((r) => r.row)).toEqual(first.map((r) => r.row));
    expect(requests() - before).toBe(2);
    expect(existsSync(cacheDir)).toBe(false);

    // A new reader downloads again.
    await readAll(createDatasetReader(options), file(uncachedCsv));
    expect(requests() - before).toBe(4);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('reports where it looked when offline, saying the cache is not used', async () => {
    const reader = createDatasetReader({ dataDir: join(scratch, 'no-data'), cacheDir: join(scratch, 'c'), hfEndpoint: hub.endpoint, offline: true });
    const error = await readError(reader, file(uncachedCsv));
    expect(error.message).toContain('cache: not used (this dataset must not be stored in plain text');
    expect(error.message).toContain('not tried: offline mode');
  });

  it('reports a refused download with the token hint, without the token', async () => {
    const reader = createDatasetReader({ dataDir: join(scratch, 'no-data'), cacheDir: join(scratch, 'c'), hfEndpoint: hub.endpoint, hfToken: 'hf_wrong', offline: false });
    const error = await readError(reader, file(uncachedCsv));
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('HF_TOKEN');
    expect(error.message).not.toContain('hf_wrong');
    expect(existsSync(join(scratch, 'c'))).toBe(false);
  });
});
