import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { DatasetError } from '../errors.js';
import { hubCachePath, hubResolveUrl } from './cache-paths.js';
import type { DatasetFile, DatasetLocation, LocalDatasetFile } from './dataset-reader.js';
import { downloadHubFile, fetchHubFile } from './hub-download.js';

/** Where to look for dataset files, already resolved from options and environment. */
export interface DatasetSearch {
  dataDir?: string;
  cacheDir: string;
  hfEndpoint: string;
  hfToken?: string;
  fetch: typeof fetch;
  offline: boolean;
  /**
   * Hub files read with `cache: false`, by URL: kept in memory for the reader's lifetime so that the
   * several passes a run makes over its docs download them once. Without it each read downloads.
   */
  inMemory?: Map<string, Uint8Array>;
}

/** A readable copy of a dataset file and the layout (local or hub) it is in. */
export interface FoundDatasetFile {
  /** The file's path, or its URL when it was fetched into memory. */
  path: string;
  /** The file's bytes when they are held in memory instead of on disk. */
  bytes?: Uint8Array;
  location: DatasetLocation;
}

/**
 * Finds a readable copy of `file`: its `local.path` as is when that is absolute, else
 * `<dataDir>/<local.path>` (local layout); then the cached hub file, else downloads it into the
 * cache (hub layout). A hub file with `cache: false` skips the cache: it is fetched into memory
 * (once per reader) and never written anywhere. A file without a hub source is only looked for at
 * its absolute local path. When all fail, throws a DatasetError that lists every place looked and
 * how to provide the file.
 */
export async function locateDatasetFile(file: DatasetFile | LocalDatasetFile, search: DatasetSearch): Promise<FoundDatasetFile> {
  const absolute = isAbsolute(file.local.path);
  const localPath = absolute ? file.local.path : search.dataDir ? resolve(join(search.dataDir, file.local.path)) : undefined;
  if (localPath && (await isFile(localPath))) return { path: localPath, location: file.local };
  if (!file.hub) {
    // No hub copy: a relative path can only come from EVALFORGE_DATA_DIR, so say which one was searched.
    const notFound = absolute
      ? `not found at ${file.local.path}`
      : localPath
        ? `not found at ${localPath} (EVALFORGE_DATA_DIR + ${file.local.path})`
        : `not found: ${file.local.path} is relative and EVALFORGE_DATA_DIR is not set`;
    throw new DatasetError(
      `Dataset file ${file.name} ${notFound}`,
      file.local.path,
      undefined,
      absolute ? 'check the path (and that the file is readable)' : `set EVALFORGE_DATA_DIR to a folder holding ${file.local.path}`,
    );
  }

  const url = hubResolveUrl(search.hfEndpoint, file.hub);
  if (file.hub.cache === false) return fetchIntoMemory(file, search, url, localPath, absolute);

  const cachePath = hubCachePath(search.cacheDir, file.hub);
  if (await isFile(cachePath)) return { path: cachePath, location: file.hub };
  if (search.offline) throw notFound(file, localPath, absolute, cachePath, url, 'not tried: offline mode (HF_HUB_OFFLINE)');
  const download = await downloadHubFile({ url, destination: cachePath, token: search.hfToken, fetch: search.fetch });
  if (!download.ok) throw notFound(file, localPath, absolute, cachePath, url, download.reason, download.status);
  return { path: cachePath, location: file.hub };
}

async function fetchIntoMemory(
  file: DatasetFile,
  search: DatasetSearch,
  url: string,
  localPath: string | undefined,
  absolute: boolean,
): Promise<FoundDatasetFile> {
  const held = search.inMemory?.get(url);
  if (held) return { path: url, bytes: held, location: file.hub };
  if (search.offline) throw notFound(file, localPath, absolute, undefined, url, 'not tried: offline mode (HF_HUB_OFFLINE)');
  const fetched = await fetchHubFile({ url, token: search.hfToken, fetch: search.fetch });
  if (!fetched.ok) throw notFound(file, localPath, absolute, undefined, url, fetched.reason, fetched.status);
  search.inMemory?.set(url, fetched.bytes);
  return { path: url, bytes: fetched.bytes, location: file.hub };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function notFound(
  file: DatasetFile,
  localPath: string | undefined,
  absolute: boolean,
  cachePath: string | undefined,
  url: string,
  hubOutcome: string,
  status?: number,
): DatasetError {
  const looked = [
    absolute ? `local: ${localPath} (not found)` : localPath ? `data dir: ${localPath} (not found)` : 'data dir: EVALFORGE_DATA_DIR is not set',
    cachePath ? `cache: ${cachePath} (not found)` : 'cache: not used (this dataset must not be stored in plain text, so it is only read into memory)',
    `hub: ${url} (${hubOutcome})`,
  ];
  const ways = [
    absolute
      ? `put the file at ${file.local.path}`
      : `set EVALFORGE_DATA_DIR to a folder laid out like evalforge's shared datasets folder, holding this file at ${file.local.path}`,
    status === 401 || status === 403
      ? 'or, if the dataset is gated, accept its terms on the hub and set HF_TOKEN to a token with access'
      : 'or go online (unset HF_HUB_OFFLINE) so it can be downloaded, and set HF_TOKEN for gated datasets',
  ];
  return new DatasetError(
    `Dataset file ${file.name} not found. Looked in:\n${looked.map((place) => `  - ${place}`).join('\n')}`,
    localPath ?? url,
    undefined,
    ways.join('; '),
  );
}
