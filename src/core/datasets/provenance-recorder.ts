import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { DatasetProvenance } from './dataset-reader.js';

/** Accumulates the count and hash of one read of one file, row by row. */
export interface RowDigest {
  add(row: Record<string, unknown>): void;
}

interface Read {
  name: string;
  source: string;
  readFrom: string;
  rows: number;
  hash: Hash;
}

/**
 * Records what each dataset read yielded. The hash is sha256 over the canonical JSON of each
 * normalized row, rows joined by `\n` (no trailing newline). Reads in progress are included.
 * A file read more than once (same `source`) is reported once: the read with the most rows, the
 * earliest on a tie.
 */
export class ProvenanceRecorder {
  private readonly reads: Read[] = [];

  start(name: string, source: string, readFrom: string): RowDigest {
    const read: Read = { name, source, readFrom, rows: 0, hash: createHash('sha256') };
    this.reads.push(read);
    return {
      add(row) {
        if (read.rows > 0) read.hash.update('\n');
        read.hash.update(canonicalJson(row));
        read.rows += 1;
      },
    };
  }

  list(): DatasetProvenance[] {
    const best = new Map<string, Read>();
    for (const read of this.reads) {
      const kept = best.get(read.source);
      if (!kept || read.rows > kept.rows) best.set(read.source, read);
    }
    return [...best.values()].map(({ name, source, readFrom, rows, hash }) => ({
      name,
      source,
      readFrom,
      rows,
      sha256: hash.copy().digest('hex'),
    }));
  }
}
