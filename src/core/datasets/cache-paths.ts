import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { DatasetError } from '../errors.js';
import type { DatasetFile } from './dataset-reader.js';

type HubFile = DatasetFile['hub'];

/**
 * evalforge's cache folder: `EVALFORGE_CACHE_DIR`, else `$XDG_CACHE_HOME/evalforge`, else
 * `~/.cache/evalforge`. Empty variables count as unset.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EVALFORGE_CACHE_DIR) return resolve(env.EVALFORGE_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return resolve(env.XDG_CACHE_HOME, 'evalforge');
  return join(homedir(), '.cache', 'evalforge');
}

/**
 * Where a downloaded hub file lives: `<cacheDir>/datasets/<repo>/<revision>/<path>`. A cached
 * file is trusted as is, so tasks should pin `revision` to a commit sha rather than a branch.
 */
export function hubCachePath(cacheDir: string, hub: HubFile): string {
  return join(cacheDir, 'datasets', ...safeSegments(hub.repo, 'repo'), ...safeSegments(hub.revision, 'revision'), ...safeSegments(hub.path, 'path'));
}

/** The hub's download URL: `<endpoint>/datasets/<repo>/resolve/<revision>/<path>`, each part URL-encoded. */
export function hubResolveUrl(endpoint: string, hub: HubFile): string {
  const base = endpoint.replace(/\/+$/, '');
  const repo = safeSegments(hub.repo, 'repo').map(encodeURIComponent).join('/');
  const path = safeSegments(hub.path, 'path').map(encodeURIComponent).join('/');
  // The hub takes a slash-containing revision (e.g. `refs/convert/parquet`) as one encoded segment.
  return `${base}/datasets/${repo}/resolve/${encodeURIComponent(hub.revision)}/${path}`;
}

/** The canonical identity of a dataset file: `hub:<repo>@<revision>/<path>`. */
export function hubSource(hub: HubFile): string {
  return `hub:${hub.repo}@${hub.revision}/${hub.path}`;
}

/** Splits a `/`-separated hub name into segments, refusing ones that would escape the cache folder. */
function safeSegments(value: string, what: string): string[] {
  const segments = value.split('/');
  if (isAbsolute(value) || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) {
    throw new DatasetError(
      `hub ${what} "${value}" is not a relative path of plain names`,
      value,
      undefined,
      `fix the task's dataset definition (hub.${what})`,
    );
  }
  return segments;
}
