import { join } from 'node:path';
import { writeReport, type WriteReportOptions, type WrittenReport } from '../report/write-report.js';

export interface ReportOptions extends WriteReportOptions {
  /**
   * Where to write the HTML file. Default: `<dir>/report.html` for one output dir (the file every
   * run writes there), `report.html` in the current directory for several.
   */
  output?: string;
}

export type ReportResult = WrittenReport;

/**
 * Writes a self-contained HTML report (docs/report.md) of one or more finished runs' output dirs:
 * scores with standard errors and 95% intervals, per-group bars, latency and token histograms, a
 * sample browser, and for exactly two runs of one task their paired comparison. Throws a
 * ConfigError naming the dir when one holds no results.yml.
 */
export async function report(outputDirs: string | readonly string[], options: ReportOptions = {}): Promise<ReportResult> {
  const dirs = typeof outputDirs === 'string' ? [outputDirs] : [...outputDirs];
  const { output, ...rest } = options;
  const path = output ?? (dirs.length === 1 ? join(dirs[0]!, 'report.html') : 'report.html');
  return writeReport(dirs, path, rest);
}
