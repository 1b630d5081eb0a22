import { describe, expect, it } from 'vitest';
import { MetricAccumulator } from '../../../src/core/results/metric-accumulator.js';
import { bootstrapStderr } from '../../../src/core/stats/bootstrap.js';
import { codeEvalReport, PASSED_KEY, problemCounts } from '../../../src/harnesses/bigcode/code-eval-report.js';
import { passAtK } from '../../../src/harnesses/bigcode/pass-at-k.js';

/** Totals of `passes[p]` = the 0/1 verdicts of problem p's samples. */
function totals(passes: Record<string, number[]>) {
  const accumulator = new MetricAccumulator();
  for (const [problem, verdicts] of Object.entries(passes)) for (const passed of verdicts) accumulator.add({ [PASSED_KEY]: passed }, [problem]);
  return accumulator.snapshot();
}

describe('codeEvalReport', () => {
  it('finds every problem\'s n and c from its subset', () => {
    expect(problemCounts(totals({ a: [1, 0, 1], b: [0, 0, 0] }))).toEqual([
      { problem: 'a', n: 3, c: 2 },
      { problem: 'b', n: 3, c: 0 },
    ]);
  });

  it('averages the per-problem estimates and reports only the k every problem has samples for', () => {
    const passes = { a: [1, 0, 1, 1, 0, 0, 0, 0, 0, 0], b: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], c: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] };
    const result = codeEvalReport('mbpp', totals(passes), [1, 10, 100]);
    const metrics = result.tasks.mbpp?.metrics ?? {};
    expect(Object.keys(metrics)).toEqual(['pass@1', 'pass@10']);
    expect(metrics['pass@1']?.scores['pass@1']?.value).toBeCloseTo((0.3 + 0 + 1) / 3, 15);
    expect(metrics['pass@10']?.scores['pass@10']?.value).toBeCloseTo((1 + 0 + 1) / 3, 15);
    expect(metrics['pass@1']?.scores['pass@1']?.stats.count).toBe(3);
    expect(result.groups).toEqual(result.tasks);
  });

  it('gives pass@k the seeded bootstrap stderr over problems (no mean of per-sample scores)', () => {
    const passes = { a: [1, 0, 1, 1], b: [0, 0, 0, 0], c: [1, 1, 1, 1], d: [0, 1, 0, 0], e: [1, 1, 0, 1] };
    const score = codeEvalReport('humaneval', totals(passes), [1, 2]).tasks.humaneval?.metrics['pass@2']?.scores['pass@2'];
    const estimates = Object.values(passes).map((v) => passAtK(v.length, v.reduce((a, b) => a + b, 0), 2));
    const expected = bootstrapStderr(estimates.length, (indices) => [...indices].reduce((sum, i) => sum + estimates[i]!, 0) / indices.length);
    expect(score?.stats.stderr).toBe(expected);
    // Close to the plain standard error of the mean over problems, as a bootstrap of a mean is.
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    const plain = Math.sqrt(estimates.reduce((a, e) => a + (e - mean) ** 2, 0) / (estimates.length - 1) / estimates.length);
    expect(score?.stats.stderr).toBeGreaterThan(plain * 0.7);
    expect(score?.stats.stderr).toBeLessThan(plain * 1.3);
    expect(score?.stats.count).toBe(5);
    // One problem: nothing to resample, no stderr.
    expect(codeEvalReport('humaneval', totals({ a: [1, 0] }), [1]).tasks.humaneval?.metrics['pass@1']?.scores['pass@1']?.stats.stderr).toBeUndefined();
  });

  it('drops pass@k as soon as one problem has fewer than k samples (NeMo: every problem n ≥ k)', () => {
    const passes = { a: Array(10).fill(1), b: Array(9).fill(0) };
    const result = codeEvalReport('humaneval', totals(passes), [1, 10, 100]);
    expect(Object.keys(result.tasks.humaneval?.metrics ?? {})).toEqual(['pass@1']);
    expect(result.tasks.humaneval?.metrics['pass@1']?.scores['pass@1']?.value).toBe((passAtK(10, 10, 1) + passAtK(9, 0, 1)) / 2);
  });

  it('reports no metric without any scored sample', () => {
    expect(codeEvalReport('humaneval', totals({}), [1])).toEqual({ tasks: { humaneval: { metrics: {} } }, groups: { humaneval: { metrics: {} } } });
  });
});
