import { resolve } from 'node:path';
import { compareRuns, type CompareRunsOptions, type MetricComparison } from '../core/compare/compare-runs.js';
import { ConfigError } from '../core/errors.js';
import { readFinishedSamples, type FinishedSample } from '../core/results/finished-samples.js';
import { readRunIdentity, type RunIdentity } from '../core/results/run-identity.js';

export type { MetricComparison, McnemarComparison, PairedTComparison } from '../core/compare/compare-runs.js';
export type { BootstrapInterval } from '../core/stats/paired-bootstrap.js';

export interface CompareOptions {
  /** Bootstrap resamples for the intervals (default 1000; above 1000, whole thousands are drawn). */
  iterations?: number;
  /** Interval coverage (default 0.95). */
  level?: number;
}

/** One of the two runs. */
export interface ComparedRun {
  /** The output dir, absolute. */
  dir: string;
  task: RunIdentity;
  /** Scored samples in the run. */
  samples: number;
  /** Ids recorded only as failed requests: not compared. */
  errors: string[];
  /** Ids scored in this run but not in the other: not compared. */
  unpaired: string[];
}

export interface RunComparison {
  a: ComparedRun;
  b: ComparedRun;
  /** Samples scored in both runs. */
  pairs: number;
  metrics: MetricComparison[];
  /** Things to know before trusting the numbers (e.g. the task versions differ). */
  warnings: string[];
}

function checkOptions(options: CompareOptions): CompareRunsOptions {
  const { iterations, level } = options;
  if (iterations !== undefined && (!Number.isInteger(iterations) || iterations < 1 || (iterations > 1000 && iterations % 1000 !== 0))) {
    throw new ConfigError('iterations', `expected a positive integer, whole thousands above 1000, got ${iterations}`, 'e.g. 1000 (the default) or 10000');
  }
  if (level !== undefined && !(level > 0 && level < 1)) throw new ConfigError('level', `expected a number between 0 and 1, got ${level}`, 'e.g. 0.95');
  return { iterations, level };
}

/**
 * Compares two runs of the same task (results.yml `evalforge.task`, else run_config.yml): their
 * samples.jsonl paired by sample id, each per-sample metric with both means, the difference B − A
 * and its paired bootstrap interval, McNemar's exact test (0/1 metrics) or the paired t-test
 * (others), and the ids that went up or down. Samples that failed, or that only one run scored,
 * are listed and left out. Runs of different tasks are a ConfigError; different task versions a
 * warning. Seeded: the same runs give the same numbers every time. See docs/statistics.md.
 */
export async function compare(runA: string, runB: string, options: CompareOptions = {}): Promise<RunComparison> {
  const settings = checkOptions(options);
  const dirA = resolve(runA);
  const dirB = resolve(runB);
  const [taskA, taskB] = await Promise.all([readRunIdentity(dirA, 'runA'), readRunIdentity(dirB, 'runB')]);
  if (taskA.name !== taskB.name || taskA.harness !== taskB.harness) {
    throw new ConfigError('runB', `${dirB} is a ${taskB.harness}.${taskB.name} run, ${dirA} a ${taskA.harness}.${taskA.name} run`, 'compare two runs of the same task');
  }
  const warnings: string[] = [];
  if (taskA.version && taskB.version && taskA.version !== taskB.version) {
    warnings.push(`the runs were scored by different versions of ${taskA.name} (${taskA.version} and ${taskB.version}): \`evalforge rescore\` both with the current scorers before reading differences as model differences`);
  }
  const [samplesA, samplesB] = await Promise.all([readFinishedSamples(dirA, 'runA'), readFinishedSamples(dirB, 'runB')]);
  const pairs: Array<readonly [FinishedSample, FinishedSample]> = [];
  const onlyA: string[] = [];
  for (const [id, sample] of samplesA.samples) {
    const other = samplesB.samples.get(id);
    if (other) pairs.push([sample, other]);
    else onlyA.push(id);
  }
  const onlyB = [...samplesB.samples.keys()].filter((id) => !samplesA.samples.has(id));
  if (pairs.length === 0) {
    throw new ConfigError('runB', `${dirA} and ${dirB} have no scored sample in common`, 'compare runs over the same docs (same dataset, overlapping limit_samples)');
  }
  const side = (dir: string, task: RunIdentity, read: typeof samplesA, unpaired: string[]): ComparedRun => ({
    dir,
    task,
    samples: read.samples.size,
    errors: read.errors,
    unpaired,
  });
  return {
    a: side(dirA, taskA, samplesA, onlyA),
    b: side(dirB, taskB, samplesB, onlyB),
    pairs: pairs.length,
    metrics: compareRuns(pairs, settings),
    warnings,
  };
}
