import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import { startFakeHub } from '../../core/datasets/hub-server.js';

/** A parquet column type as the hub files have it: strings, 32/64-bit integers, or a list of strings. */
export type ColumnType = 'STRING' | 'INT32' | 'INT64' | 'LIST';

/** Rows of a hand-made fixture, `test/fixtures/<folder>/<name>` (a JSON array of objects). */
export function fixtureRows(folder: string, name: string): Record<string, unknown>[] {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${folder}/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>[];
}

/** Writes rows as parquet with the given columns, in that order (INT64 values as bigints, as the hub stores them). */
export function writeParquet(path: string, rows: readonly Record<string, unknown>[], columns: Readonly<Record<string, ColumnType>>): void {
  parquetWriteFile({
    filename: path,
    columnData: Object.entries(columns).map(([name, type]) => {
      const data = rows.map((row) => row[name]);
      if (type === 'LIST') return { name, data };
      if (type === 'INT64') return { name, data: data.map((value) => BigInt(value as number)), type };
      return { name, data, type };
    }),
  });
}

export interface HubFixture {
  /** A fresh reader (empty data dir, its own cache) that downloads the files from the fake hub. */
  reader(): DatasetReader;
  close(): Promise<void>;
}

const TOKEN = 'hf_lmEvalFixtureToken';

/** Serves `files` (hub path → rows) as parquet files of `repo@main` from a local fake hub. */
export async function serveHubParquet(
  repo: string,
  columns: Readonly<Record<string, ColumnType>>,
  files: Readonly<Record<string, readonly Record<string, unknown>[]>>,
): Promise<HubFixture> {
  const scratch = await mkdtemp(join(tmpdir(), 'evalforge-hub-fixture-'));
  const served: Record<string, string> = {};
  Object.entries(files).forEach(([path, rows], i) => {
    served[path] = join(scratch, `${i}.parquet`);
    writeParquet(served[path], rows, columns);
  });
  const hub = await startFakeHub({ token: TOKEN, repo, renamedRepo: `${repo}-renamed`, revision: 'main', files: served });
  let readers = 0;
  return {
    reader: () => createDatasetReader({ dataDir: join(scratch, 'no-data'), cacheDir: join(scratch, `cache-${readers++}`), hfEndpoint: hub.endpoint, hfToken: TOKEN, offline: false }),
    close: async () => {
      await hub.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
