/** Values at or below this count as 0 (a latency under a microsecond, in ms). */
const ZERO_THRESHOLD = 1e-3;

/**
 * Quantiles of a stream of non-negative numbers in bounded memory (a DDSketch: Masson et al.,
 * VLDB 2019). Each value goes into a logarithmic bucket `ceil(log_γ(x))` with γ = (1+α)/(1−α), so
 * an estimate is within a relative error α (default 1%) of a true value of that rank, however many
 * values were added. Memory is one counter per occupied bucket: about 1,200 at most for values from
 * 0.001 to 10^7 (ms: a microsecond to about three hours), independent of the count.
 */
export class QuantileSketch {
  private readonly logGamma: number;
  private readonly buckets = new Map<number, number>();
  private zeros = 0;
  private total = 0;

  constructor(private readonly relativeAccuracy = 0.01) {
    this.logGamma = Math.log((1 + relativeAccuracy) / (1 - relativeAccuracy));
  }

  get count(): number {
    return this.total;
  }

  add(value: number): void {
    this.total++;
    if (value <= ZERO_THRESHOLD) {
      this.zeros++;
      return;
    }
    const key = Math.ceil(Math.log(value) / this.logGamma);
    this.buckets.set(key, (this.buckets.get(key) ?? 0) + 1);
  }

  /**
   * The value of 0-based rank `floor(q · (n − 1))` among the n values added, within the relative
   * accuracy; `undefined` before any value. `q` is in [0, 1].
   */
  quantile(q: number): number | undefined {
    if (this.total === 0) return undefined;
    const rank = Math.floor(q * (this.total - 1));
    let seen = this.zeros;
    if (rank < seen) return 0;
    const gamma = (1 + this.relativeAccuracy) / (1 - this.relativeAccuracy);
    for (const key of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(key) as number;
      // The bucket holds (γ^(key−1), γ^key]; its midpoint in relative terms is within α of both ends.
      if (rank < seen) return (2 * Math.exp(key * this.logGamma)) / (gamma + 1);
    }
    throw new Error('unreachable: ranks never exceed the count');
  }
}
