import { rescoreRun, type RescoreOptions, type RescoreResult } from '../core/rescore/rescore-run.js';

export type { KeptSamples, RescoreOptions, RescoreResult } from '../core/rescore/rescore-run.js';
export type { MetricChange, ReportedChange } from '../core/rescore/score-changes.js';

/**
 * Recomputes every metric of a finished run (`outputDir`) from its samples.jsonl with the current
 * scorers, without calling any model, rewrites samples.jsonl and results.yml (keeping `.bak` copies;
 * nothing with `dryRun`) and returns what changed: per metric, per reported score, and the samples
 * whose score moved. See docs/rescore.md.
 */
export function rescore(outputDir: string, options: RescoreOptions = {}): Promise<RescoreResult> {
  return rescoreRun(outputDir, options);
}
