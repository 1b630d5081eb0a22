import type { MetricStats } from '../task.js';
import type { Score } from '../config/schema.js';

/**
 * A NeMo `Score` from accumulated per-sample values: value = mean; `stddev` is the population
 * standard deviation (ddof 0, as NeMo reports it); `stderr` is the sample standard deviation (ddof 1)
 * over √n, as lm-eval and simple-evals report it, and is left out when n ≤ 1 (lm-eval's "N/A").
 */
export function scoreFromStats(stats: MetricStats): Score {
  const { count, sum, sumSquared } = stats;
  const mean = count > 0 ? sum / count : 0;
  // Clamp: sumSquared − n·mean² can dip below zero by rounding when all values are equal.
  const squaredDeviations = Math.max(0, sumSquared - count * mean * mean);
  const result: Score = {
    value: mean,
    stats: { count, mean, stddev: count > 0 ? Math.sqrt(squaredDeviations / count) : 0 },
  };
  if (count > 1) result.stats.stderr = Math.sqrt(squaredDeviations / (count - 1)) / Math.sqrt(count);
  return result;
}

export function emptyStats(): MetricStats {
  return { count: 0, sum: 0, sumSquared: 0 };
}

export function addToStats(stats: MetricStats, value: number): void {
  stats.count += 1;
  stats.sum += value;
  stats.sumSquared += value * value;
}
