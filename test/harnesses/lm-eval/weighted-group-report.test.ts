import { describe, expect, it } from 'vitest';
import type { MetricStats } from '../../../src/core/task.js';
import { weightedGroupReport } from '../../../src/harnesses/lm-eval/weighted-group-report.js';
import type { WeightedGroupLayout } from '../../../src/harnesses/lm-eval/weighted-group-report.js';

function stats(values: number[]): MetricStats {
  return { count: values.length, sum: values.reduce((s, v) => s + v, 0), sumSquared: values.reduce((s, v) => s + v * v, 0) };
}

const KEY = 'exact_match,get_response';
const LAYOUT: WeightedGroupLayout = {
  leaves: ['t_a', 't_b', 't_c'],
  groups: [
    { name: 'top', leaves: ['t_a', 't_b', 't_c'] },
    { name: 'top::ab', leaves: ['t_a', 't_b'] },
    { name: 'top::c', leaves: ['t_c'] },
  ],
  aggregated: [KEY],
};

const totals = (leaves: Record<string, number[]>) =>
  new Map([['', new Map()], ...Object.entries(leaves).map(([leaf, values]) => [leaf, new Map([[KEY, stats(values)]])] as const)]);

describe('weightedGroupReport', () => {
  it('weights leaf means by size and pools their stderrs as lm-eval does', () => {
    const result = weightedGroupReport(LAYOUT, totals({ t_a: [1, 0, 1, 1], t_b: [0, 0, 1], t_c: [1, 1, 0, 0, 1] }));
    // python3 with lm-eval's own aggregate_subtask_metrics / pooled_sample_stderr / mean_stderr
    // (api/metrics.py): [a, b] -> 0.5714285714285714, 0.20118695404073914; [a, b, c] ->
    // 0.5833333333333334, 0.15565473029024335.
    const group = (name: string) => result.groups[name]?.metrics.exact_match__get_response?.scores.exact_match__get_response;
    expect(group('top')).toEqual({ value: 0.5833333333333334, stats: { count: 12, stderr: expect.closeTo(0.15565473029024335, 15) } });
    expect(group('top::ab')).toEqual({ value: 0.5714285714285714, stats: { count: 7, stderr: expect.closeTo(0.20118695404073914, 15) } });
    expect(group('top::c')?.value).toBe(0.6);
    expect(result.tasks.t_a?.metrics.exact_match__get_response?.scores.exact_match__get_response).toMatchObject({ value: 0.75, stats: { count: 4, stderr: 0.25 } });
    expect(Object.keys(result.tasks)).toEqual(['t_a', 't_b', 't_c']);
    expect(Object.keys(result.groups)).toEqual(['top', 'top::ab', 'top::c']);
  });

  it('leaves out the stderr when a leaf has one sample (lm-eval "N/A") and skips leaves without samples', () => {
    const result = weightedGroupReport(LAYOUT, totals({ t_a: [1, 0], t_b: [1] }));
    expect(result.groups.top?.metrics.exact_match__get_response?.scores.exact_match__get_response).toEqual({ value: 2 / 3, stats: { count: 3 } });
    expect(Object.keys(result.tasks)).toEqual(['t_a', 't_b']);
    expect(result.groups['top::c']).toEqual({ metrics: {} });
  });

  it('reports groups without metrics before any sample is scored', () => {
    expect(weightedGroupReport(LAYOUT, new Map())).toEqual({ tasks: {}, groups: { top: { metrics: {} }, 'top::ab': { metrics: {} }, 'top::c': { metrics: {} } } });
  });
});
