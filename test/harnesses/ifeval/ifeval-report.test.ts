import { describe, expect, it } from 'vitest';
import type { MetricStats } from '../../../src/core/task.js';
import { MetricAccumulator } from '../../../src/core/results/metric-accumulator.js';
import { ifevalReport } from '../../../src/harnesses/ifeval/ifeval-report.js';
import { ifeval } from '../../../src/harnesses/ifeval/ifeval-task.js';

const stats = (count: number, sum: number, sumSquared = sum): MetricStats => ({ count, sum, sumSquared });

describe('ifevalReport', () => {
  it('reports prompt-level means with stderr and instruction-level micro means (no stderr without kept counts), in lm-eval order', () => {
    // Three prompts with 1, 2 and 3 instructions; strict: 1/1, 1/2, 0/3; loose: 1/1, 2/2, 1/3.
    const totals = new Map([
      [
        '',
        new Map([
          ['prompt_level_strict_acc,none', stats(3, 1)],
          ['prompt_level_loose_acc,none', stats(3, 2)],
          ['inst_level_strict_followed', stats(3, 2, 2)],
          ['inst_level_loose_followed', stats(3, 4, 6)],
          ['inst_level_total', stats(3, 6, 14)],
        ]),
      ],
    ]);
    const result = ifevalReport('ifeval', totals);
    const metrics = result.tasks.ifeval?.metrics ?? {};
    expect(Object.keys(metrics)).toEqual(['prompt_level_strict_acc', 'inst_level_strict_acc', 'prompt_level_loose_acc', 'inst_level_loose_acc']);
    expect(metrics.prompt_level_strict_acc?.scores.prompt_level_strict_acc?.value).toBeCloseTo(1 / 3, 15);
    expect(metrics.prompt_level_strict_acc?.scores.prompt_level_strict_acc?.stats.stderr).toBeCloseTo(Math.sqrt(1 / 3) / Math.sqrt(3), 15);
    // Micro: 2 of 6 instructions, not the mean of the per-prompt fractions (1 + 0.5 + 0) / 3.
    expect(metrics.inst_level_strict_acc?.scores.inst_level_strict_acc).toEqual({ value: 2 / 6, stats: { count: 6, mean: 2 / 6, stddev: Math.sqrt(2 / 6 - (2 / 6) ** 2) } });
    expect(metrics.inst_level_loose_acc?.scores.inst_level_loose_acc?.value).toBe(4 / 6);
    expect(metrics.inst_level_loose_acc?.scores.inst_level_loose_acc?.stats).not.toHaveProperty('stderr');
    expect(result.groups).toEqual(result.tasks);
  });

  it('bootstraps the instruction-level stderr over prompts from the kept per-prompt counts', () => {
    // [strict followed, loose followed, instructions] per prompt, in doc order.
    const rows = [[1, 1, 1], [1, 2, 2], [0, 1, 3], [2, 2, 2], [1, 1, 1], [0, 0, 2], [3, 3, 4], [1, 2, 3], [2, 2, 2], [0, 1, 1]] as const;
    const accumulator = new MetricAccumulator(ifeval.sampleValueKeys);
    rows.forEach(([strict, loose, total], i) => {
      accumulator.add({ 'prompt_level_strict_acc,none': strict === total ? 1 : 0, 'prompt_level_loose_acc,none': loose === total ? 1 : 0, inst_level_strict_followed: strict, inst_level_loose_followed: loose, inst_level_total: total }, [], i);
    });
    const result = ifevalReport('ifeval', accumulator.snapshot());
    const metrics = result.tasks.ifeval?.metrics ?? {};
    // lm-eval's bootstrap scheme (Random(0), 1000 resamples of the prompts, sample_stddev) run in CPython over the same rows.
    expect(metrics.inst_level_strict_acc?.scores.inst_level_strict_acc?.stats).toMatchObject({ count: 21, stderr: 0.13138874663303737 });
    expect(metrics.inst_level_loose_acc?.scores.inst_level_loose_acc?.stats).toMatchObject({ count: 21, stderr: 0.10634352708368573 });
    expect(metrics.inst_level_strict_acc?.scores.inst_level_strict_acc?.value).toBe(11 / 21);
    expect(result.groups).toEqual(result.tasks);
  });

  it('reports no metrics before any sample is scored', () => {
    expect(ifevalReport('ifeval', new Map())).toEqual({ tasks: { ifeval: { metrics: {} } }, groups: { ifeval: { metrics: {} } } });
  });
});
