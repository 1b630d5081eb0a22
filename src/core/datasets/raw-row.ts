import type { DatasetLocation } from './dataset-reader.js';

/** A row as it is stored in the file, before the task's `normalize`. */
export interface RawRow {
  row: Record<string, unknown>;
  /** 1-based data row number (header excluded). */
  rowNumber: number;
}

/** What a format reader needs: the file, and the layout details its DatasetLocation gives. */
export interface RawRowSource {
  path: string;
  location: Pick<DatasetLocation, 'format' | 'csvColumns'>;
}
