import { describe, expect, it } from 'vitest';
import { bootstrapReplicates, bootstrapStderr, bootstrapStderrs } from '../../../src/core/stats/bootstrap.js';

/**
 * Reference values from lm-eval's scheme run in CPython 3.11 (stdlib only): for chunk i in
 * range(iters // min(1000, iters)): rnd = random.Random(i); f(rnd.choices(xs, k=len(xs))) per
 * resample; then lm-eval's sample_stddev of the replicates (lm_eval/api/metrics.py
 * `_bootstrap_internal`, `bootstrap_stderr`, `sample_stddev`).
 */
const BINARY = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0];
const GRADES = 'CINCCINNCICCINCICNCCICNC'.split('');

const meanOf = (values: readonly number[]) => (indices: Uint32Array) => {
  let sum = 0;
  for (const i of indices) sum += values[i] as number;
  return sum / indices.length;
};

/** SimpleQA's f1 / accuracy_given_attempted of resampled grades (C correct, I incorrect, N not attempted). */
const simpleqa = (which: 'f1' | 'aga') => (indices: Uint32Array) => {
  let correct = 0;
  let incorrect = 0;
  for (const i of indices) {
    if (GRADES[i] === 'C') correct++;
    else if (GRADES[i] === 'I') incorrect++;
  }
  correct /= indices.length;
  incorrect /= indices.length;
  const aga = correct + incorrect > 0 ? correct / (correct + incorrect) : 0;
  if (which === 'aga') return aga;
  return aga + correct > 0 ? (2 * aga * correct) / (aga + correct) : 0;
};

describe('bootstrapStderr (lm-eval scheme)', () => {
  it('reproduces lm-eval bit for bit for a mean, 1000 resamples', () => {
    expect(bootstrapStderr(BINARY.length, meanOf(BINARY))).toBe(0.11199344861433917);
  });

  it('draws whole chunks of 1000 with seeds 0, 1, … and drops a remainder, as lm-eval', () => {
    expect(bootstrapStderr(BINARY.length, meanOf(BINARY), 2500)).toBe(0.11042790198028736);
    expect(bootstrapReplicates(BINARY.length, [meanOf(BINARY)], 2500)[0]).toHaveLength(2000);
    expect(bootstrapStderr(BINARY.length, meanOf(BINARY), 300)).toBe(0.11588975270751378);
  });

  it('reproduces lm-eval for statistics that are not means (SimpleQA f1, accuracy_given_attempted)', () => {
    expect(bootstrapStderr(GRADES.length, simpleqa('f1'))).toBe(0.10523353341360009);
    expect(bootstrapStderr(GRADES.length, simpleqa('aga'))).toBe(0.11716402197956592);
  });

  it('computes several statistics from one set of draws, each as its own call would', () => {
    expect(bootstrapStderrs(GRADES.length, [simpleqa('f1'), simpleqa('aga')])).toEqual([0.10523353341360009, 0.11716402197956592]);
    expect(bootstrapStderrs(1, [simpleqa('f1'), simpleqa('aga')])).toEqual([undefined, undefined]);
  });

  it('approaches the ddof-0 standard error of a mean', () => {
    const values: number[] = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const ddof0 = Math.sqrt((mean * (1 - mean)) / values.length);
    expect(Math.abs((bootstrapStderr(values.length, meanOf(values)) as number) / ddof0 - 1)).toBeLessThan(0.06);
  });

  it('has no stderr for fewer than two samples and rejects bad iteration counts', () => {
    expect(bootstrapStderr(1, () => 0)).toBeUndefined();
    expect(() => bootstrapReplicates(5, [() => 0], 0)).toThrow(RangeError);
    expect(() => bootstrapReplicates(0, [() => 0])).toThrow(RangeError);
  });
});
