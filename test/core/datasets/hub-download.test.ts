import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetFile, DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import { downloadHubFile } from '../../../src/core/datasets/hub-download.js';
import { DatasetError } from '../../../src/core/errors.js';
import { startFakeHub } from './hub-server.js';
import type { FakeHub } from './hub-server.js';

const TOKEN = 'hf_evalforgeTestSecret123';
const REVISION = '0123abcd';
const HUMANEVAL = join(process.env.EVALFORGE_DATA_DIR!, 'humaneval/HumanEval.jsonl.gz');

let hub: FakeHub;
let scratch: string;
let emptyDataDir: string;

beforeAll(async () => {
  hub = await startFakeHub({
    token: TOKEN,
    repo: 'org/humaneval',
    renamedRepo: 'old-org/humaneval',
    revision: REVISION,
    files: { 'data/HumanEval.jsonl.gz': HUMANEVAL },
  });
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-hub-'));
  emptyDataDir = join(scratch, 'data');
});
afterAll(async () => {
  await hub.close();
  await rm(scratch, { recursive: true, force: true });
});

function humanevalFile(repo: string, path = 'data/HumanEval.jsonl.gz'): DatasetFile {
  return {
    name: 'humaneval',
    local: { path: 'humaneval/HumanEval.jsonl.gz', format: 'jsonl' },
    hub: { repo, revision: REVISION, path, format: 'jsonl', normalize: (raw) => ({ id: raw.task_id, entry: raw.entry_point }) },
  };
}

async function count(reader: DatasetReader, file: DatasetFile): Promise<number> {
  let rows = 0;
  for await (const _ of reader.rows(file)) rows += 1;
  return rows;
}

async function readError(reader: DatasetReader, file: DatasetFile): Promise<DatasetError> {
  try {
    await count(reader, file);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

function requestCount(): number {
  return hub.hubRequests.length + hub.cdnRequests.length;
}

describe('hub download through createDatasetReader', () => {
  it('downloads into the cache once, then reads the cache without any request', async () => {
    const cacheDir = join(scratch, 'cache-1');
    const options = { dataDir: emptyDataDir, cacheDir, hfEndpoint: hub.endpoint, hfToken: TOKEN, offline: false };
    const file = humanevalFile('old-org/humaneval');
    const cachePath = join(cacheDir, 'datasets/old-org/humaneval', REVISION, 'data/HumanEval.jsonl.gz');

    const first = createDatasetReader(options);
    const rows = [];
    for await (const row of first.rows(file)) rows.push(row);
    expect(rows).toHaveLength(164);
    expect(rows[0]!.row).toEqual({ id: 'HumanEval/0', entry: 'has_close_elements' });
    expect(rows[0]!.location).toBe(cachePath);
    expect(await readFile(cachePath)).toEqual(await readFile(HUMANEVAL));
    expect(await readdir(join(cacheDir, 'datasets/old-org/humaneval', REVISION, 'data'))).toEqual(['HumanEval.jsonl.gz']);
    expect(first.provenance()).toEqual([
      expect.objectContaining({ source: `hub:old-org/humaneval@${REVISION}/data/HumanEval.jsonl.gz`, readFrom: cachePath, rows: 164 }),
    ]);

    // 307 (renamed repo) and the hub's own request carry the token; the CDN never sees it.
    expect(hub.hubRequests.map((r) => r.url)).toEqual([
      `/datasets/old-org/humaneval/resolve/${REVISION}/data/HumanEval.jsonl.gz`,
      `/datasets/org/humaneval/resolve/${REVISION}/data/HumanEval.jsonl.gz`,
    ]);
    expect(hub.hubRequests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(hub.cdnRequests).toHaveLength(1);
    expect(hub.cdnRequests[0]!.headers.authorization).toBeUndefined();

    const before = requestCount();
    const second = createDatasetReader(options);
    expect(await count(second, file)).toBe(164);
    expect(requestCount()).toBe(before);
    expect(second.provenance()[0]!.sha256).toBe(first.provenance()[0]!.sha256);
  });

  it('lists every place looked for a 404, and leaves nothing in the cache', async () => {
    const cacheDir = join(scratch, 'cache-404');
    const reader = createDatasetReader({ dataDir: emptyDataDir, cacheDir, hfEndpoint: hub.endpoint, hfToken: TOKEN });
    const error = await readError(reader, humanevalFile('org/humaneval', 'data/missing.jsonl.gz'));
    expect(error.message).toContain(`data dir: ${join(emptyDataDir, 'humaneval/HumanEval.jsonl.gz')}`);
    expect(error.message).toContain(`cache: ${join(cacheDir, 'datasets/org/humaneval', REVISION, 'data/missing.jsonl.gz')}`);
    expect(error.message).toContain(`hub: ${hub.endpoint}/datasets/org/humaneval/resolve/${REVISION}/data/missing.jsonl.gz (HTTP 404`);
    expect(error.message).toContain('set EVALFORGE_DATA_DIR');
    expect(error.message).not.toContain(TOKEN);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('reports a 401 without the token and points to HF_TOKEN', async () => {
    const reader = createDatasetReader({ dataDir: emptyDataDir, cacheDir: join(scratch, 'cache-401'), hfEndpoint: hub.endpoint, hfToken: 'hf_wrongSecret456' });
    const error = await readError(reader, humanevalFile('org/humaneval'));
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('HF_TOKEN');
    expect(error.message).not.toContain('hf_wrongSecret456');
    expect(JSON.stringify(error)).not.toContain('hf_wrongSecret456');
  });

  it('makes no request when offline', async () => {
    const before = requestCount();
    const reader = createDatasetReader({ dataDir: emptyDataDir, cacheDir: join(scratch, 'cache-off'), hfEndpoint: hub.endpoint, hfToken: TOKEN, offline: true });
    const error = await readError(reader, humanevalFile('org/humaneval'));
    expect(error.message).toContain('offline');
    expect(requestCount()).toBe(before);
  });

  it('prefers the data dir copy (local layout) over the hub', async () => {
    const before = requestCount();
    const reader = createDatasetReader({ cacheDir: join(scratch, 'cache-local'), hfEndpoint: hub.endpoint, hfToken: TOKEN });
    const rows = [];
    for await (const row of reader.rows(humanevalFile('org/humaneval'))) rows.push(row);
    expect(rows).toHaveLength(164);
    expect(rows[0]!.row.task_id).toBe('HumanEval/0');
    expect(requestCount()).toBe(before);
  });
});

describe('downloadHubFile', () => {
  it('reports a refused connection as a failure instead of throwing', async () => {
    const result = await downloadHubFile({
      url: 'http://127.0.0.1:1/datasets/a/b/resolve/main/x.jsonl',
      destination: join(scratch, 'never', 'x.jsonl'),
      token: TOKEN,
      fetch,
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(existsSync(join(scratch, 'never'))).toBe(false);
  });

  it('writes exactly the served bytes', async () => {
    const destination = join(scratch, 'direct', 'HumanEval.jsonl.gz');
    const result = await downloadHubFile({
      url: `${hub.endpoint}/datasets/org/humaneval/resolve/${REVISION}/data/HumanEval.jsonl.gz`,
      destination,
      token: TOKEN,
      fetch,
    });
    expect(result).toEqual({ ok: true });
    expect(gunzipSync(await readFile(destination)).toString('utf8').split('\n').filter(Boolean)).toHaveLength(164);
  });
});
