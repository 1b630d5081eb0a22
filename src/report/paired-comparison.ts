import { compare, type MetricComparison } from '../api/compare.js';
import { ConfigError } from '../core/errors.js';
import type { RunOutput } from './read-run-output.js';

/** One side of the comparison: how many of its samples were left out, and why. */
export interface ComparedSide {
  /** Scored samples in the run. */
  samples: number;
  /** Samples recorded only as failed requests. */
  errors: number;
  /** Samples scored in this run but not in the other. */
  unpaired: number;
}

/** What the report shows of `compare()` (src/api/compare.ts): run A is the first output dir, B the second. */
export interface ReportComparison {
  /** Samples scored in both runs. */
  pairs: number;
  a: ComparedSide;
  b: ComparedSide;
  /** Per samples.jsonl score key: both means, B − A with its paired bootstrap interval, the test and the flipped ids. */
  metrics: MetricComparison[];
  warnings: string[];
}

/**
 * The paired comparison of a report's runs when there are exactly two and they ran the same task
 * (results.yml `evalforge.task` name and harness): `compare()` of the two output dirs. Undefined
 * otherwise, and when compare() finds nothing to pair (no sample scored in both).
 */
export async function pairedComparison(runs: readonly RunOutput[]): Promise<ReportComparison | undefined> {
  if (runs.length !== 2) return undefined;
  const [a, b] = runs as [RunOutput, RunOutput];
  const taskA = a.facts.task;
  const taskB = b.facts.task;
  if (!taskA?.name || taskA.name !== taskB?.name || taskA.harness !== taskB.harness) return undefined;
  let comparison;
  try {
    comparison = await compare(a.dir, b.dir);
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
  const side = (run: typeof comparison.a): ComparedSide => ({ samples: run.samples, errors: run.errors.length, unpaired: run.unpaired.length });
  return { pairs: comparison.pairs, a: side(comparison.a), b: side(comparison.b), metrics: comparison.metrics, warnings: comparison.warnings };
}
