import { open, rename } from 'node:fs/promises';
import { ConfigError } from '../core/errors.js';
import { loadChartLibrary } from './chart-library.js';
import { pairedComparison } from './paired-comparison.js';
import { buildReportContent } from './report-data.js';
import { reportPageParts } from './report-page.js';
import { readRunOutput } from './read-run-output.js';

export interface WriteReportOptions {
  /** The page's heading and title (default: `evalforge report: <task · model>, ...`). */
  title?: string;
}

/** What writeReport wrote. */
export interface WrittenReport {
  path: string;
  runs: number;
  samples: number;
  bytes: number;
  /** Whether the report holds a paired comparison (exactly two runs of one task). */
  compared: boolean;
}

/**
 * Reads each output dir (results.yml, samples.jsonl), builds the self-contained HTML report of all
 * of them (in the given order) and writes it to `path` atomically (temp file + rename).
 */
export async function writeReport(outputDirs: readonly string[], path: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  if (outputDirs.length === 0) throw new ConfigError('output_dir', 'no output dir given', 'name at least one output_dir of a finished run');
  const runs = [];
  for (const dir of outputDirs) runs.push(await readRunOutput(dir));
  const comparison = await pairedComparison(runs);
  const content = buildReportContent(runs, { title: options.title, comparison });
  const tmp = `${path}.tmp-${process.pid}`;
  const bytes = await writeParts(tmp, reportPageParts(content, await loadChartLibrary()));
  await rename(tmp, path);
  return { path, runs: runs.length, samples: content.samples.length, bytes, compared: comparison !== undefined };
}

/** Bytes gathered before a write: few writes, and never the whole page in memory. */
const WRITE_CHUNK_BYTES = 1 << 20;

/** Writes `parts` to a new file at `path` in chunks of about WRITE_CHUNK_BYTES; returns the bytes written. */
async function writeParts(path: string, parts: Iterable<string>): Promise<number> {
  const file = await open(path, 'w');
  try {
    let written = 0;
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const chunk = Buffer.from(pending.join(''));
      pending = [];
      pendingBytes = 0;
      await file.write(chunk);
      written += chunk.length;
    };
    for (const part of parts) {
      pending.push(part);
      pendingBytes += part.length;
      if (pendingBytes >= WRITE_CHUNK_BYTES) await flush();
    }
    await flush();
    return written;
  } finally {
    await file.close();
  }
}
