import type { DatasetLocation } from './dataset-reader.js';

/** A row as it is stored in the file, before the task's `normalize`. */
export interface RawRow {
  row: Record<string, unknown>;
  /** 1-based data row number (header excluded). */
  rowNumber: number;
}

/** What a format reader needs: the file, and the layout details its DatasetLocation gives. */
export interface RawRowSource {
  /** The file's path (or URL, when `bytes` holds it), for messages and the `.gz` suffix. */
  path: string;
  /** The file's content when it is already in memory; otherwise `path` is read from disk. */
  bytes?: Uint8Array;
  location: Pick<DatasetLocation, 'format' | 'csvColumns' | 'zip'>;
}
