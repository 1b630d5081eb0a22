import { describe, expect, it } from 'vitest';
import { scoreRows } from '../../src/report/score-rows.js';
import { mmluLikeResults } from './output-dir-fixture.js';

describe('scoreRows', () => {
  it('lists groups depth first, then tasks, with value ± 1.96·stderr as the interval', () => {
    const rows = scoreRows(mmluLikeResults());
    expect(rows.map((r) => [r.section, r.path.join('/'), r.score])).toEqual([
      ['groups', 'mmlu', 'micro'],
      ['groups', 'mmlu', 'macro'],
      ['groups', 'mmlu/stem', 'micro'],
      ['groups', 'mmlu/humanities', 'micro'],
      ['tasks', 'mmlu_abstract_algebra', 'micro'],
      ['tasks', 'mmlu_anatomy', 'micro'],
      ['tasks', 'mmlu_world_religions', 'micro'],
    ]);
    const top = rows[0]!;
    expect(top).toMatchObject({ metric: 'score', value: 0.5667, stderr: 0.092, count: 30 });
    expect(top.interval![0]).toBeCloseTo(0.5667 - 1.96 * 0.092, 12);
    expect(top.interval![1]).toBeCloseTo(0.5667 + 1.96 * 0.092, 12);
    expect(rows[1]).not.toHaveProperty('interval');
    expect(rows[1]).not.toHaveProperty('stderr');
  });

  it('leaves out a task score that repeats a group score (a task without subsets is listed under both)', () => {
    const gsm8k = { metrics: { 'exact_match__strict-match': { scores: { 'exact_match__strict-match': { value: 0.75, stats: { count: 4, stderr: 0.25 } } } } } };
    const rows = scoreRows({ tasks: { gsm8k }, groups: { gsm8k } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ section: 'groups', path: ['gsm8k'] });
  });
});
