import { describe, expect, it } from 'vitest';
import type { SampleRecord } from '../../src/core/results/sample-log.js';
import { primaryScoreKey, sampleOutcome } from '../../src/report/sample-outcome.js';

const sample = (scores: Record<string, number>, error?: boolean): SampleRecord => ({
  id: 'x', index: 0, target: 't', scores, latency_ms: 1, ...(error ? { error: { message: 'boom' } } : {}),
});

describe('primaryScoreKey and sampleOutcome', () => {
  it('takes the first score key of the first scored sample, skipping errors', () => {
    expect(primaryScoreKey([sample({}, true), sample({ 'exact_match__strict-match': 1, 'exact_match__flexible-extract': 0 })])).toBe('exact_match__strict-match');
    expect(primaryScoreKey([sample({}, true)])).toBeUndefined();
  });

  it('files a sample as error, correct (> 0) or incorrect', () => {
    expect(sampleOutcome(sample({}, true), 'acc')).toBe('error');
    expect(sampleOutcome(sample({ acc: 1 }), 'acc')).toBe('correct');
    expect(sampleOutcome(sample({ acc: 0.5 }), 'acc')).toBe('correct');
    expect(sampleOutcome(sample({ acc: 0 }), 'acc')).toBe('incorrect');
    expect(sampleOutcome(sample({ other: 1 }), 'acc')).toBe('incorrect');
    expect(sampleOutcome(sample({ acc: 1 }), undefined)).toBe('incorrect');
  });
});
