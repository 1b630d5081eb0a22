import { incompleteBetaComplemented } from './incomplete-beta.js';

/**
 * P(|T| ≥ |t|) for Student's t with `df` degrees of freedom (df > 0): I_x(df/2, ½) with
 * x = df/(df+t²), its complement t²/(df+t²) passed exactly so small |t| loses no digits. NaN for a
 * NaN t; 0 for an infinite one.
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`Student's t needs df > 0, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  const t2 = t * t;
  if (t2 === Infinity) return 0;
  return Math.min(1, incompleteBetaComplemented(df / 2, 0.5, df / (df + t2), t2 / (df + t2)));
}

/** The CDF P(T ≤ t) of Student's t with `df` degrees of freedom (scipy's `scipy.stats.t.cdf(t, df)`). */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTTwoSidedP(t, df) / 2;
  return t > 0 ? 1 - tail : tail;
}
