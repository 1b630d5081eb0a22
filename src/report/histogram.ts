/** Counts of several runs' values over one set of bins, so the runs overlay on one chart. */
export interface Histogram {
  /** Bin i holds values v with edges[i] ≤ v < edges[i + 1]; the last bin also holds its upper edge. */
  edges: number[];
  /** Integer data: bin i then holds the whole values edges[i] … edges[i + 1] − 1. */
  integers: boolean;
  /** True when the last bin also holds every value above its upper edge (a long tail, see sharedHistogram). */
  overflow: boolean;
  /** counts[run][bin]. */
  counts: number[][];
}

/** Below this many values a 99th percentile says little, and every value gets a regular bin. */
const MIN_VALUES_FOR_TAIL = 100;

/** The smallest of 1, 2 or 5 × 10^k that is ≥ `step`. */
function niceStep(step: number): number {
  if (!(step > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(step));
  const nice = [1, 2, 5, 10].find((factor) => factor * magnitude >= step) ?? 10;
  return nice * magnitude;
}

/**
 * Bins every run's values on shared edges: equal-width bins of a 1-2-5 width (a whole number for
 * integer data, whose bins then hold whole values: [k, k + width)), about `maxBins` of them (at most
 * one more), from the smallest value up to the largest; or, when the largest is more than twice the
 * 99th percentile and there are at least 100 values (one stuck request would squeeze the rest into
 * one bin), up to that percentile with the tail counted in the last bin (`overflow`). Undefined when no run has a value.
 * Non-finite values are ignored.
 */
export function sharedHistogram(valuesPerRun: readonly (readonly number[])[], maxBins = 30): Histogram | undefined {
  const finite = valuesPerRun.map((values) => values.filter((v) => Number.isFinite(v)));
  const sorted = finite.flat().sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  const p99 = sorted[Math.floor(0.99 * (sorted.length - 1))]!;
  const overflow = sorted.length >= MIN_VALUES_FOR_TAIL && max > 2 * p99 && p99 > min;
  const upper = overflow ? p99 : max;
  const integers = sorted.every((v) => Number.isInteger(v));
  // Integer data: the top value needs a bin of its own, so the range ends one past it.
  const end = integers ? upper + 1 : upper;
  const width = integers ? Math.max(1, Math.ceil(niceStep((end - min) / maxBins))) : niceStep((end - min) / maxBins);
  const start = Math.floor(min / width) * width;
  const bins = Math.max(1, Math.ceil((end - start) / width));
  const edges = Array.from({ length: bins + 1 }, (_, i) => Number((start + i * width).toPrecision(12)));
  const counts = finite.map((values) => {
    const row = new Array<number>(bins).fill(0);
    for (const v of values) row[Math.min(bins - 1, Math.max(0, Math.floor((v - start) / width)))]! += 1;
    return row;
  });
  return { edges, integers, overflow, counts };
}
