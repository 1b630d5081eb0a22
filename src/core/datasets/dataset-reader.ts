export type DatasetFormat = 'jsonl' | 'json' | 'csv' | 'parquet';

/** One place a dataset file can be read from, with how to turn its rows into the task's shape. */
export interface DatasetLocation {
  format: DatasetFormat;
  /** Column names for a CSV without a header row (MMLU's original layout). */
  csvColumns?: readonly string[];
  /** Maps a raw row to the shape the task reads; lets local and hub layouts differ. */
  normalize?: (raw: Record<string, unknown>) => Record<string, unknown>;
}

/** A file a task reads: its local path (under EVALFORGE_DATA_DIR) and its canonical hub source. */
export interface DatasetFile {
  /** Short name for messages and provenance, e.g. `gsm8k/test`. */
  name: string;
  /**
   * Path relative to EVALFORGE_DATA_DIR, laid out like ../shared/datasets; an absolute path is read
   * as is. `.gz` is decompressed.
   */
  local: DatasetLocation & { path: string };
  /** The Hugging Face dataset repo file this mirrors (downloaded via `resolve/<revision>/<path>`). */
  hub: DatasetLocation & { repo: string; revision: string; path: string };
}

/** A file that exists only on this machine (e.g. a custom task's own data): no hub copy. */
export interface LocalDatasetFile {
  name: string;
  /** Absolute path, read as is (EVALFORGE_DATA_DIR is not involved). `.gz` is decompressed. */
  local: DatasetLocation & { path: string };
  hub?: undefined;
}

export interface DatasetRow {
  row: Record<string, unknown>;
  /** 1-based row number within the file (data rows, header excluded). */
  rowNumber: number;
  /** The file path or URL the row came from, for error messages. */
  location: string;
}

/** What a run read from one dataset file: enough to reproduce or verify the numbers. */
export interface DatasetProvenance {
  name: string;
  /**
   * `hub:<repo>@<revision>/<path>`, the canonical identity whichever copy was read; for a
   * LocalDatasetFile `file:<absolute path>`.
   */
  source: string;
  /** The file actually read (local path or cache path). */
  readFrom: string;
  rows: number;
  /** sha256 over the canonical JSON of each normalized row read, in order. */
  sha256: string;
}

export interface DatasetReader {
  /** Streams normalized rows in file order. Stops reading when the consumer stops iterating. */
  rows(file: DatasetFile | LocalDatasetFile): AsyncIterable<DatasetRow>;
  /** Provenance of every file read so far in this run. */
  provenance(): DatasetProvenance[];
}
