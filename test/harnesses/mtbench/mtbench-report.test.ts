import { describe, expect, it } from 'vitest';
import { MetricAccumulator } from '../../../src/core/results/metric-accumulator.js';
import { reportMtbench } from '../../../src/harnesses/mtbench/mtbench-report.js';

describe('reportMtbench', () => {
  it('averages the ratings that exist per turn and pooled, and reports the unparsable share', () => {
    const totals = new MetricAccumulator();
    // Three questions; the -1 ratings (unparsable replies) carry no turn_N key.
    totals.add({ turn_1: 9, turn_2: 5, judge_unparsable_turn_1: 0, judge_unparsable_turn_2: 0 }, ['writing']);
    totals.add({ turn_1: 6, judge_unparsable_turn_1: 0, judge_unparsable_turn_2: 1 }, ['writing']);
    totals.add({ turn_1: 3, turn_2: 2, judge_unparsable_turn_1: 0, judge_unparsable_turn_2: 0 }, ['math']);
    const result = reportMtbench('mtbench', totals.snapshot());
    const score = result.groups.mtbench?.metrics.score?.scores;
    // turn 1: (9+6+3)/3 = 6; turn 2: (5+2)/2 = 3.5; pooled: (9+6+3+5+2)/5 = 5 (not (6+3.5)/2 = 4.75).
    expect(score?.turn_1?.value).toBe(6);
    expect(score?.turn_2?.value).toBe(3.5);
    expect(score?.average?.value).toBe(5);
    expect(score?.average?.stats.count).toBe(5);
    const unparsable = result.groups.mtbench?.metrics.judge_unparsable?.scores;
    expect(unparsable?.average).toMatchObject({ value: 1 / 6, stats: { count: 6, sum: 1 } });
    expect(unparsable?.turn_1).toMatchObject({ value: 0, stats: { count: 3, sum: 0 } });
    expect(unparsable?.turn_2).toMatchObject({ value: 1 / 3, stats: { count: 3, sum: 1 } });
    expect(result.tasks.mtbench).toEqual({ metrics: result.groups.mtbench?.metrics });

    // Per category: writing (9, 6 | 5) and math (3 | 2).
    const writing = result.groups.mtbench?.groups?.writing?.metrics.score?.scores;
    expect(writing?.turn_1?.value).toBe(7.5);
    expect(writing?.turn_2?.value).toBe(5);
    expect(writing?.average?.value).toBeCloseTo(20 / 3);
    expect(result.groups.mtbench?.groups?.math?.metrics.score?.scores.average?.value).toBe(2.5);
    expect(Object.keys(result.groups.mtbench?.groups ?? {})).toEqual(['writing', 'math']);
  });

  it('reports zeros with count 0 when nothing was rated', () => {
    const result = reportMtbench('mt_bench', new MetricAccumulator().snapshot());
    expect(result.groups.mt_bench?.metrics.score?.scores.average).toEqual({ value: 0, stats: { count: 0, mean: 0, stddev: 0 } });
    expect(result.groups.mt_bench?.groups).toBeUndefined();
  });
});
