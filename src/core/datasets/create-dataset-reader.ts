import { EvalforgeError, DatasetError } from '../errors.js';
import { defaultCacheDir, hubSource } from './cache-paths.js';
import type { DatasetFile, DatasetReader, DatasetRow, LocalDatasetFile } from './dataset-reader.js';
import { locateDatasetFile } from './locate-dataset-file.js';
import type { DatasetSearch } from './locate-dataset-file.js';
import { ProvenanceRecorder } from './provenance-recorder.js';
import { readRawRows } from './read-raw-rows.js';
import { zipMemberPath } from './read-zip-member.js';

export interface DatasetReaderOptions {
  /** Folder laid out like the shared datasets folder. Default: env `EVALFORGE_DATA_DIR`. */
  dataDir?: string;
  /** Default: env `EVALFORGE_CACHE_DIR`, else `$XDG_CACHE_HOME/evalforge`, else `~/.cache/evalforge`. */
  cacheDir?: string;
  /** Default: env `HF_ENDPOINT`, else `https://huggingface.co`. */
  hfEndpoint?: string;
  /** Default: env `HF_TOKEN`. Sent only to the hub endpoint's own origin. */
  hfToken?: string;
  fetch?: typeof fetch;
  /** Never download. Default: env `HF_HUB_OFFLINE` is `1`/`true`/`yes`/`on`. */
  offline?: boolean;
}

/**
 * A DatasetReader over local files and the Hugging Face hub. `rows(file)` reads `file.local.path`
 * itself when it is absolute, else `<dataDir>/<file.local.path>`, with the local layout if it
 * exists; else the cached hub file, else downloads it into the cache; the hub copies use the hub
 * layout. A hub file marked `cache: false` is instead fetched into memory, once per reader, and
 * never written to disk; a zip member is likewise decompressed in memory only. A LocalDatasetFile
 * has no hub copy. Rows are streamed, normalized, and counted and hashed for `provenance()`.
 * Nothing is opened until iteration starts, and the file is closed as soon as the consumer stops
 * iterating.
 */
export function createDatasetReader(options: DatasetReaderOptions = {}): DatasetReader {
  const env = process.env;
  const search: DatasetSearch = {
    dataDir: options.dataDir ?? (env.EVALFORGE_DATA_DIR || undefined),
    cacheDir: options.cacheDir ?? defaultCacheDir(env),
    hfEndpoint: options.hfEndpoint ?? (env.HF_ENDPOINT || 'https://huggingface.co'),
    hfToken: options.hfToken ?? (env.HF_TOKEN || undefined),
    fetch: options.fetch ?? globalThis.fetch,
    offline: options.offline ?? /^(1|true|yes|on)$/i.test(env.HF_HUB_OFFLINE ?? ''),
    inMemory: new Map(),
  };
  const recorder = new ProvenanceRecorder();

  async function* rows(file: DatasetFile | LocalDatasetFile): AsyncGenerator<DatasetRow> {
    const found = await locateDatasetFile(file, search);
    const zip = found.location.zip;
    const readFrom = zip ? zipMemberPath(found.path, zip.member) : found.path;
    const digest = recorder.start(file.name, file.hub ? hubSource(file.hub) : `file:${file.local.path}`, readFrom);
    const normalize = found.location.normalize;
    for await (const raw of readRawRows(found)) {
      const row = normalize ? normalizeRow(normalize, raw.row, readFrom, raw.rowNumber) : raw.row;
      digest.add(row);
      yield { row, rowNumber: raw.rowNumber, location: readFrom };
    }
  }

  return { rows, provenance: () => recorder.list() };
}

function normalizeRow(
  normalize: (raw: Record<string, unknown>) => Record<string, unknown>,
  raw: Record<string, unknown>,
  path: string,
  rowNumber: number,
): Record<string, unknown> {
  try {
    return normalize(raw);
  } catch (error) {
    if (error instanceof EvalforgeError) throw error;
    throw new DatasetError(
      `${path}, row ${rowNumber}: the row does not have the shape the task expects (${(error as Error).message})`,
      path,
      rowNumber,
      'check that this is the right file (and revision) for the task',
    );
  }
}
