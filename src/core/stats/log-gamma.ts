const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** Where the Stirling series is used directly: from here up its first eight terms are exact to ~1e-17. */
export const STIRLING_MIN = 10;

/**
 * The remainder of Stirling's formula, lnΓ(z) − [(z − ½)·ln z − z + ½·ln 2π], as its asymptotic
 * series Σ B₂ₖ / (2k(2k−1)·z^(2k−1)) up to B₁₆. Only for z ≥ STIRLING_MIN, where the first omitted
 * term is below 1e-17.
 */
export function stirlingCorrection(z: number): number {
  const r = 1 / z;
  const r2 = r * r;
  return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))));
}

/**
 * ln Γ(z) for z > 0: Stirling's series from STIRLING_MIN up, below it the recurrence
 * Γ(z) = Γ(z + k) / (z·(z+1)···(z+k−1)) to shift into that range. Relative error ~1e-15; for large
 * z the absolute error grows with the value (~1e-16·z·ln z), which is why the incomplete beta
 * function combines large arguments before taking logarithms rather than subtracting ln Γ values.
 */
export function logGamma(z: number): number {
  if (!(z > 0)) throw new RangeError(`logGamma needs z > 0, got ${z}`);
  let shift = 0;
  let product = 1;
  while (z + shift < STIRLING_MIN) {
    product *= z + shift;
    shift++;
  }
  const w = z + shift;
  return (w - 0.5) * Math.log(w) - w + HALF_LOG_TWO_PI + stirlingCorrection(w) - Math.log(product);
}
