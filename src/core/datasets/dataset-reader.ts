/** `lines`: plain UTF-8 text, one row `{ line }` per line (for positional layouts such as llama.cpp's). */
export type DatasetFormat = 'jsonl' | 'json' | 'csv' | 'parquet' | 'lines';

/** The member of a zip archive that holds the data, read into memory and never extracted to disk. */
export interface ZipMember {
  /** The member's full path inside the archive, e.g. `dataset/gpqa_diamond.csv`. */
  member: string;
  /** The ZipCrypto password, for an encrypted member (published by the dataset's authors). */
  password?: string;
}

/** One place a dataset file can be read from, with how to turn its rows into the task's shape. */
export interface DatasetLocation {
  /** The format of the data itself (of the zip member, for an archive). */
  format: DatasetFormat;
  /** Set when the file is a zip archive: the member to read. A `.gz` member name is gunzipped. */
  zip?: ZipMember;
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
   * as is. `.gz` is decompressed, and `.bz2` except for parquet.
   */
  local: DatasetLocation & { path: string };
  /**
   * The Hugging Face dataset repo file this mirrors (downloaded via `resolve/<revision>/<path>`).
   * `cache: false` skips the cache: the file is downloaded into memory (once per DatasetReader, so
   * once per run) and never written anywhere, for data whose authors ask that it not be stored in
   * plain text.
   */
  hub: DatasetLocation & { repo: string; revision: string; path: string; cache?: boolean };
}

/** A file that exists only on this machine (e.g. a custom task's own data): no hub copy. */
export interface LocalDatasetFile {
  name: string;
  /**
   * An absolute path is read as is; a relative one only under EVALFORGE_DATA_DIR (e.g. a shared
   * file with no hub copy). `.gz` is decompressed, and `.bz2` except for parquet.
   */
  local: DatasetLocation & { path: string };
  hub?: undefined;
}

export interface DatasetRow {
  row: Record<string, unknown>;
  /** 1-based row number within the file (data rows, header excluded). */
  rowNumber: number;
  /** The file path or URL the row came from (`<archive>!/<member>` for a zip member), for error messages. */
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
  /**
   * The copy actually read: local path or cache path (`<archive>!/<member>` for a zip member), or
   * the hub URL for a file read without caching.
   */
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
