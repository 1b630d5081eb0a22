/**
 * The sample standard deviation (ddof 1) as lm-eval's `sample_stddev` computes it: the mean first,
 * then √(Σ(x − mean)² / (n − 1)). NaN with fewer than two values.
 */
export function sampleStddev(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((values[i] as number) - mean) ** 2;
  return Math.sqrt(squares / (n - 1));
}
