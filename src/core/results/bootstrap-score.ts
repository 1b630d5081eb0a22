import type { Score } from '../config/schema.js';
import { bootstrapStderrs, type ResampleStatistic } from '../stats/bootstrap.js';
import type { MetricTotals } from '../task.js';

/**
 * The whole-task per-sample values of `key` (MetricStats `values`, in sample order), when the
 * task kept them (`sampleValueKeys`).
 */
export function sampleValues(totals: MetricTotals, key: string): readonly number[] | undefined {
  return totals.get('')?.get(key)?.values;
}

/** A figure of whole samples that is no mean of one per-sample value (an f1, a ratio of sums). */
export interface SampleFigure {
  /** Its value, as the report computes it. */
  value: number;
  /** The same figure over resampled sample indices; absent when the per-sample values were not kept. */
  statistic?: ResampleStatistic;
}

/**
 * Scores for figures of the same `samples` samples: `value` as given, `count` = `samples`, and
 * `stderr` = the bootstrap standard error of each figure's statistic (`bootstrapStderrs`: lm-eval's
 * seeded scheme, 1000 resamples shared by all figures, the same on every run); no `stderr` for
 * fewer than two samples or a figure without a statistic.
 */
export function bootstrappedScores(samples: number, figures: readonly SampleFigure[]): Score[] {
  const resampled = figures.flatMap(({ statistic }) => (statistic ? [statistic] : []));
  const stderrs = resampled.length > 0 ? bootstrapStderrs(samples, resampled) : [];
  let next = 0;
  return figures.map(({ value, statistic }) => {
    const score: Score = { value, stats: { count: samples } };
    const stderr = statistic ? stderrs[next++] : undefined;
    if (stderr !== undefined) score.stats.stderr = stderr;
    return score;
  });
}
