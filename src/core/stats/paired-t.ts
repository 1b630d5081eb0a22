import { studentTTwoSidedP } from './student-t.js';

export interface PairedTTest {
  /** Pairs. */
  n: number;
  /** Mean of the differences. */
  meanDifference: number;
  /** t statistic (NaN with fewer than 2 pairs or when every difference is 0; ±Infinity when all differences are one non-zero value). */
  t: number;
  /** Degrees of freedom, n − 1. */
  df: number;
  /** Two-sided p-value (NaN when t is). */
  pValue: number;
}

/**
 * The paired t-test on per-pair differences d (e.g. B − A): t = mean(d) / (sd(d) / √n), sd with
 * ddof 1, df = n − 1, two-sided p from Student's t. For differences b − a this is
 * `scipy.stats.ttest_rel(b, a)`. Mean and deviations are taken in two passes for accuracy.
 */
export function pairedTTest(differences: ArrayLike<number>): PairedTTest {
  const n = differences.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += differences[i] as number;
  const meanDifference = n > 0 ? sum / n : Number.NaN;
  if (n < 2) return { n, meanDifference, t: Number.NaN, df: Math.max(0, n - 1), pValue: Number.NaN };
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((differences[i] as number) - meanDifference) ** 2;
  const stderr = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
  const t = meanDifference / stderr;
  const df = n - 1;
  return { n, meanDifference, t, df, pValue: Number.isNaN(t) ? Number.NaN : studentTTwoSidedP(t, df) };
}
