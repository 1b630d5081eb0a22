import { describe, expect, it } from 'vitest';
import { runWarnings } from '../../src/cli/run-warnings.js';

const samples = { total: 100, resumed: 0, requested: 100, errors: 0 };

describe('runWarnings', () => {
  it('says nothing for a clean run or one without response_stats', () => {
    expect(runWarnings({ interceptors: {}, samples })).toEqual([]);
    const stats = { successful_count: 100, length_cut_count: 5, length_cut_ratio: 0.05, empty_reply_count: 0, empty_reply_ratio: 0 };
    expect(runWarnings({ interceptors: { response_stats: stats }, samples })).toEqual([]);
  });

  it('warns when more than 5% of replies were cut off or empty, and about accepted failures', () => {
    const stats = { successful_count: 200, length_cut_count: 24, length_cut_ratio: 0.12, empty_reply_count: 11, empty_reply_ratio: 0.055 };
    const warnings = runWarnings({ interceptors: { response_stats: stats }, samples: { ...samples, errors: 3 } });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^warning: 12\.0% of replies \(24 of 200\) were cut off by the token limit \(finish_reason "length"\).*max_new_tokens$/);
    expect(warnings[1]).toMatch(/^warning: 5\.5% of replies \(11 of 200\) were empty/);
    expect(warnings[2]).toMatch(/^warning: 3 of 100 samples failed after their retries and are left out of the scores \(accepted by config\.params\.extra\.max_error_rate\)/);
  });

  it('warns when generated code ran short of full isolation, and not when it had it', () => {
    const sandbox = (isolation: string) => ({ sandbox: { isolation, reason: 'prlimit not found: no memory limits' } });
    expect(runWarnings({ interceptors: {}, samples, scoring: sandbox('full') })).toEqual([]);
    expect(runWarnings({ interceptors: {}, samples, scoring: sandbox('degraded') })).toEqual([
      'warning: model-written code ran with sandbox isolation "degraded": prlimit not found: no memory limits',
    ]);
  });
});
