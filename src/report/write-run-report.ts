import { join } from 'node:path';
import { writeReport } from './write-report.js';

/** The report every run leaves in its output dir, beside results.yml. */
export const RUN_REPORT_FILE = 'report.html';

/**
 * Writes `<outputDir>/report.html` after a successful run. The run's results are already on disk,
 * so a report that cannot be written (a full disk, a missing dependency) must not fail the run: it
 * is reported as one `warning:` line on `warn` (default stderr) and the promise resolves.
 */
export async function writeRunReport(outputDir: string, warn: (line: string) => void = (line) => process.stderr.write(line)): Promise<void> {
  const path = join(outputDir, RUN_REPORT_FILE);
  try {
    await writeReport([outputDir], path);
  } catch (error) {
    warn(`warning: the run finished but ${path} was not written: ${(error as Error).message ?? String(error)}\n`);
  }
}
