import { rename, writeFile } from 'node:fs/promises';
import { ConfigError } from '../core/errors.js';
import { loadChartLibrary } from './chart-library.js';
import { pairedComparison } from './paired-comparison.js';
import { buildReportContent } from './report-data.js';
import { renderReportPage } from './report-page.js';
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
  const html = renderReportPage(content, await loadChartLibrary());
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, html);
  await rename(tmp, path);
  return { path, runs: runs.length, samples: content.samples.length, bytes: Buffer.byteLength(html), compared: comparison !== undefined };
}
