import { describe, expect, it } from 'vitest';
import { recordedModelResponse } from '../../../src/core/rescore/recorded-response.js';

describe('recordedModelResponse', () => {
  it('turns samples.jsonl responses back into model responses', () => {
    expect(recordedModelResponse('text')).toBe('text');
    expect(recordedModelResponse(['turn 1', 'turn 2'])).toEqual(['turn 1', 'turn 2']);
    expect(recordedModelResponse([{ logprob: -1.5, is_greedy: true }])).toEqual([{ logprob: -1.5, isGreedy: true }]);
    expect(recordedModelResponse(undefined)).toBeUndefined();
  });
});
