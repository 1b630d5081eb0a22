import { describe, expect, it } from 'vitest';
import type { SampleRecord } from '../../src/core/results/sample-log.js';
import { embedRecord } from '../../src/report/embedded-sample.js';

describe('embedRecord', () => {
  it('writes a context shared by consecutive requests once', () => {
    const record: SampleRecord = {
      id: 'a', index: 0, target: 'B', scores: { acc: 1 }, latency_ms: 3,
      requests: [
        { context: 'ctx', continuation: ' A' },
        { context: 'ctx', continuation: ' B' },
        { context: 'other', continuation: ' B' },
        { context: 'ctx', continuation: ' C' },
      ],
    };
    expect(embedRecord(record).requests).toEqual([
      { context: 'ctx', continuation: ' A' },
      { continuation: ' B' },
      { context: 'other', continuation: ' B' },
      { context: 'ctx', continuation: ' C' },
    ]);
    expect(record.requests![1]).toEqual({ context: 'ctx', continuation: ' B' });
  });

  it('keeps a record without requests as it is', () => {
    const record: SampleRecord = { id: 'b', index: 1, target: 'x', scores: {}, latency_ms: 1, prompt: 'p', response: 'r' };
    expect(embedRecord(record)).toBe(record);
  });
});
