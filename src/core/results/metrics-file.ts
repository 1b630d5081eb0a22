import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** NeMo's file of interceptor reports, read by NeMo-compatible tooling. */
export const METRICS_FILE = 'eval_factory_metrics.json';

/**
 * Writes `<outputDir>/eval_factory_metrics.json` as NeMo does: `{<interceptor name>: <its report>}`
 * (e.g. `response_stats`, `reasoning`), atomically. Nothing is written when no interceptor reported.
 */
export async function writeMetricsFile(outputDir: string, reports: Record<string, Record<string, unknown>>): Promise<void> {
  if (Object.keys(reports).length === 0) return;
  const path = join(outputDir, METRICS_FILE);
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, `${JSON.stringify(reports, null, 2)}\n`);
  await rename(tmp, path);
}
