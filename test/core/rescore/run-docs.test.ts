import { describe, expect, it } from 'vitest';
import type { SampleRecord } from '../../../src/core/results/sample-log.js';
import { docOfSample, recordedPromptHash } from '../../../src/core/rescore/run-docs.js';

describe('docOfSample', () => {
  it('strips the repeat only for tasks that draw several samples per doc', () => {
    expect(docOfSample('HumanEval/3/1', true)).toEqual({ docId: 'HumanEval/3', repeat: 1 });
    expect(docOfSample('truthfulqa_mc1/7', false)).toEqual({ docId: 'truthfulqa_mc1/7', repeat: 0 });
  });
});

describe('recordedPromptHash', () => {
  it('depends on the prompt fields only, not on key order or other fields', () => {
    const base: SampleRecord = { id: 'a', index: 0, target: '', scores: {}, latency_ms: 1, messages: [{ role: 'user', content: 'hi' }] };
    const same = recordedPromptHash({ ...base, id: 'b', messages: [{ content: 'hi', role: 'user' }], scores: { x: 1 } });
    expect(same).toBe(recordedPromptHash(base));
    expect(recordedPromptHash({ ...base, messages: [{ role: 'user', content: 'hi!' }] })).not.toBe(recordedPromptHash(base));
  });
});
