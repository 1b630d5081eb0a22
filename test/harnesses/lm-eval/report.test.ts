import { describe, expect, it } from 'vitest';
import type { MetricStats } from '../../../src/core/task.js';
import { lmEvalTaskReport, nemoMetricName } from '../../../src/harnesses/lm-eval/report.js';

describe('nemoMetricName', () => {
  it('names metrics as NeMo\'s lm-eval output parser does', () => {
    expect(nemoMetricName('exact_match,strict-match')).toBe('exact_match__strict-match');
    expect(nemoMetricName('acc,none')).toBe('acc');
    expect(nemoMetricName('a,b,none')).toBe('a__b');
    expect(nemoMetricName('exact_match_stderr,strict-match')).toBeUndefined();
    expect(nemoMetricName('alias')).toBeUndefined();
  });
});

describe('lmEvalTaskReport', () => {
  it('reports the whole-task totals under tasks and, with no groups, again under groups', () => {
    const strict: MetricStats = { count: 4, sum: 3, sumSquared: 3 };
    const flexible: MetricStats = { count: 4, sum: 4, sumSquared: 4 };
    const totals = new Map([['', new Map([['exact_match,strict-match', strict], ['exact_match,flexible-extract', flexible]])]]);
    const result = lmEvalTaskReport('gsm8k', totals);
    const strictScore = { value: 0.75, stats: { count: 4, mean: 0.75, stddev: Math.sqrt(0.1875), stderr: Math.sqrt(0.25) / 2 } };
    expect(result.tasks.gsm8k?.metrics['exact_match__strict-match']?.scores['exact_match__strict-match']).toEqual(strictScore);
    expect(result.tasks.gsm8k?.metrics['exact_match__flexible-extract']?.scores['exact_match__flexible-extract']?.value).toBe(1);
    expect(result.groups).toEqual(result.tasks);
    expect(result.groups.gsm8k).not.toBe(result.tasks.gsm8k);
  });

  it('reports no metrics before any sample is scored', () => {
    expect(lmEvalTaskReport('gsm8k', new Map())).toEqual({ tasks: { gsm8k: { metrics: {} } }, groups: { gsm8k: { metrics: {} } } });
  });
});
