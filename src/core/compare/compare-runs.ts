import type { FinishedSample } from '../results/finished-samples.js';
import { BOOTSTRAP_ITERATIONS } from '../stats/bootstrap.js';
import { mcnemarExactP } from '../stats/mcnemar-exact.js';
import { pairedBootstrapInterval, type BootstrapInterval } from '../stats/paired-bootstrap.js';
import { pairedTTest } from '../stats/paired-t.js';

/** McNemar's exact test of a 0/1 metric's discordant pairs. */
export interface McnemarComparison {
  name: 'mcnemar_exact';
  /** Pairs where A scored 1 and B 0. */
  onlyA: number;
  /** Pairs where B scored 1 and A 0. */
  onlyB: number;
  pValue: number;
}

/** The paired t-test of a continuous metric's per-sample differences B − A. */
export interface PairedTComparison {
  name: 'paired_t';
  /**
   * Null when not finite: undefined (fewer than two pairs, or every difference 0), or infinite
   * (every difference the same non-zero value, `pValue` 0).
   */
  t: number | null;
  df: number;
  pValue: number | null;
}

/** One per-sample metric key over the samples both runs scored. */
export interface MetricComparison {
  /** The samples.jsonl `scores` key (`score`, `exact_match,strict-match`, …). */
  metric: string;
  /** `binary` when every value in both runs is 0 or 1, else `continuous`. */
  kind: 'binary' | 'continuous';
  /** Pairs where both runs recorded this metric. */
  pairs: number;
  meanA: number;
  meanB: number;
  /** meanB − meanA. */
  difference: number;
  /** Paired bootstrap percentile interval of `difference`. */
  interval: BootstrapInterval;
  test: McnemarComparison | PairedTComparison;
  /** Sample ids where B scored higher (`up`, 0→1 for a binary metric) or lower (`down`, 1→0), in pair order. */
  flips: { up: string[]; down: string[] };
}

export interface CompareRunsOptions {
  /** Bootstrap resamples (default 1000; lm-eval's chunking: above 1000, whole thousands). */
  iterations?: number;
  /** Interval coverage (default 0.95). */
  level?: number;
}

/**
 * Compares two runs' scored samples paired by id (the caller has dropped unpaired ids), metric by
 * metric (every scores key either run recorded, sorted by name). Pairs are taken in A's sample order
 * (doc index, then id), so the seeded bootstrap gives the same interval on every call. A binary
 * metric gets McNemar's exact test, a continuous one the paired t-test; see docs/statistics.md for
 * why the t-test rather than Wilcoxon's signed-rank test.
 */
export function compareRuns(pairs: ReadonlyArray<readonly [FinishedSample, FinishedSample]>, options: CompareRunsOptions = {}): MetricComparison[] {
  const ordered = [...pairs].sort(([a], [b]) => a.index - b.index || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const metrics = new Set<string>();
  for (const [a, b] of ordered) for (const key of [...Object.keys(a.scores), ...Object.keys(b.scores)]) metrics.add(key);
  const comparisons: MetricComparison[] = [];
  for (const metric of [...metrics].sort()) {
    const ids: string[] = [];
    const valuesA: number[] = [];
    const valuesB: number[] = [];
    for (const [a, b] of ordered) {
      const valueA = a.scores[metric];
      const valueB = b.scores[metric];
      if (!Number.isFinite(valueA) || !Number.isFinite(valueB)) continue;
      ids.push(a.id);
      valuesA.push(valueA as number);
      valuesB.push(valueB as number);
    }
    if (ids.length > 0) comparisons.push(compareMetric(metric, ids, valuesA, valuesB, options));
  }
  return comparisons;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function compareMetric(metric: string, ids: readonly string[], a: readonly number[], b: readonly number[], options: CompareRunsOptions): MetricComparison {
  const differences = b.map((value, i) => value - (a[i] as number));
  const binary = [...a, ...b].every((value) => value === 0 || value === 1);
  const up: string[] = [];
  const down: string[] = [];
  differences.forEach((difference, i) => {
    if (difference > 0) up.push(ids[i] as string);
    else if (difference < 0) down.push(ids[i] as string);
  });
  const meanA = mean(a);
  const meanB = mean(b);
  let test: McnemarComparison | PairedTComparison;
  if (binary) {
    test = { name: 'mcnemar_exact', onlyA: down.length, onlyB: up.length, pValue: mcnemarExactP(down.length, up.length) };
  } else {
    const result = pairedTTest(differences);
    test = { name: 'paired_t', t: Number.isFinite(result.t) ? result.t : null, df: result.df, pValue: Number.isNaN(result.pValue) ? null : result.pValue };
  }
  return {
    metric,
    kind: binary ? 'binary' : 'continuous',
    pairs: ids.length,
    meanA,
    meanB,
    difference: meanB - meanA,
    interval: pairedBootstrapInterval(differences, options.level ?? 0.95, options.iterations ?? BOOTSTRAP_ITERATIONS),
    test,
    flips: { up, down },
  };
}
