import { describe, expect, it } from 'vitest';
import type { MetricStats, MetricTotals } from '../../../src/core/task.js';
import { mmluTask } from '../../../src/harnesses/simple-evals/mmlu.js';

/** Totals for 0/1 scores: `correct` of `count` samples. */
function scored(correct: number, count: number): ReadonlyMap<string, MetricStats> {
  return new Map([['score', { count, sum: correct, sumSquared: correct }]]);
}

const micro = (value: number) => ({ metrics: { score: { scores: { micro: expect.objectContaining({ value }) } } } });

describe('mmlu report', () => {
  // 8 samples, 5 correct: stem 3/3 (abstract_algebra 2/2, college_physics 1/1), humanities 1/2
  // (philosophy), social_sciences 0/1 (econometrics), other 1/2 (anatomy).
  const totals: MetricTotals = new Map([
    ['', scored(5, 8)],
    ['stem', scored(3, 3)],
    ['humanities', scored(1, 2)],
    ['social_sciences', scored(0, 1)],
    ['other', scored(1, 2)],
    ['abstract_algebra', scored(2, 2)],
    ['college_physics', scored(1, 1)],
    ['philosophy', scored(1, 2)],
    ['econometrics', scored(0, 1)],
    ['anatomy', scored(1, 2)],
  ]);

  it('reports micro over all samples and macro over the four category means', () => {
    const result = mmluTask.report(totals);
    const scores = result.groups.mmlu!.metrics.score!.scores;
    // mean 5/8; ddof-0 sd = sqrt(p(1-p)) = sqrt(15/64); ddof-1 variance = (5 - 8·(5/8)²)/7 = 15/56, stderr = sqrt(15/56/8).
    expect(scores.micro!.value).toBe(0.625);
    expect(scores.micro!.stats.count).toBe(8);
    expect(scores.micro!.stats.stddev).toBeCloseTo(Math.sqrt(15 / 64), 15);
    expect(scores.micro!.stats.stderr).toBeCloseTo(Math.sqrt(15 / 56 / 8), 15);
    // (1 + 0.5 + 0 + 0.5) / 4, not the micro 0.625; social_sciences has one sample, so no stderr.
    expect(scores.macro).toEqual({ value: 0.5, stats: { count: 8 } });
  });

  it('gives macro the exact stderr of a mean of independent category means', () => {
    const result = mmluTask.report(
      new Map([
        ['', scored(6, 11)],
        ['stem', scored(3, 4)],
        ['humanities', scored(1, 2)],
        ['social_sciences', scored(0, 2)],
        ['other', scored(2, 3)],
      ]),
    );
    const macro = result.groups.mmlu!.metrics.score!.scores.macro!;
    // Category stderr² = p(1 − p)/(n − 1): 0.1875/3, 0.25/1, 0, (2/9)/2.
    expect(macro.value).toBeCloseTo((0.75 + 0.5 + 0 + 2 / 3) / 4, 15);
    expect(macro.stats.count).toBe(11);
    expect(macro.stats.stderr).toBeCloseTo(Math.sqrt(0.0625 + 0.25 + 0 + 1 / 9) / 4, 15);
  });

  it('lists categories as sub-groups and as tasks, and subjects as mmlu_<subject> tasks', () => {
    const result = mmluTask.report(totals);
    expect(result.groups.mmlu!.groups).toEqual({
      stem: micro(1),
      humanities: micro(0.5),
      social_sciences: micro(0),
      other: micro(0.5),
    });
    expect(result.tasks).toEqual({
      stem: micro(1),
      humanities: micro(0.5),
      social_sciences: micro(0),
      other: micro(0.5),
      mmlu_abstract_algebra: micro(1),
      mmlu_anatomy: micro(0.5),
      mmlu_college_physics: micro(1),
      mmlu_econometrics: micro(0),
      mmlu_philosophy: micro(0.5),
    });
    expect(result.tasks.humanities!.metrics.score!.scores.micro!.stats).toEqual({ count: 2, mean: 0.5, stddev: 0.5, stderr: 0.5 });
  });

  it('leaves out categories without samples, also from the macro mean', () => {
    // A --limit_samples run that only reached stem (2/4 correct) and humanities (1/1).
    const partial: MetricTotals = new Map([
      ['', scored(3, 5)],
      ['stem', scored(2, 4)],
      ['humanities', scored(1, 1)],
      ['abstract_algebra', scored(2, 4)],
      ['formal_logic', scored(1, 1)],
    ]);
    const result = mmluTask.report(partial);
    expect(result.groups.mmlu!.metrics.score!.scores.macro!.value).toBe(0.75);
    expect(Object.keys(result.groups.mmlu!.groups!)).toEqual(['stem', 'humanities']);
    expect(Object.keys(result.tasks)).toEqual(['stem', 'humanities', 'mmlu_abstract_algebra', 'mmlu_formal_logic']);
    // One sample: no stderr (n - 1 = 0).
    expect(result.tasks.humanities!.metrics.score!.scores.micro!.stats).toEqual({ count: 1, mean: 1, stddev: 0 });
  });
});
