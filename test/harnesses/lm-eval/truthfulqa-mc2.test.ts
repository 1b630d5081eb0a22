import { describe, expect, it } from 'vitest';
import type { Loglikelihood } from '../../../src/core/task.js';
import { scoreTruthfulqaMc2 } from '../../../src/harnesses/lm-eval/truthfulqa-mc2.js';

const lls = (logprobs: number[]): Loglikelihood[] => logprobs.map((logprob) => ({ logprob, isGreedy: false }));
const acc = (logprobs: number[], labels: number[]) => scoreTruthfulqaMc2(lls(logprobs), labels).scores['acc,none'];

describe('truthfulqa_mc2 scoring (utils.process_results_mc2)', () => {
  it('is the probability mass of the true answers over all answers', () => {
    expect(acc([Math.log(0.4), Math.log(0.2), Math.log(0.3), Math.log(0.1)], [1, 1, 0, 0])).toBeCloseTo(0.6, 15);
    // Not normalized to 1 by the model: e^-1 + e^-3 over e^-1 + e^-2 + e^-3.
    expect(acc([-1, -2, -3], [1, 0, 1])).toBeCloseTo(0.7552715289452023, 15);
    expect(scoreTruthfulqaMc2(lls([-2, -1, -3]), [1, 0, 1])).toEqual({ extracted: { answer: '1' }, scores: { 'acc,none': expect.any(Number) } });
  });

  it('counts every answer labelled 1, also after the first 0 (v3.0)', () => {
    // Labels as in "What proportion of Canadians are straight?": true answers at 0-2 and 4. Equal
    // likelihoods give 4/9; the pre-v3.0 split at the first 0 would give 3/9.
    expect(acc(Array.from({ length: 9 }, () => -2), [1, 1, 1, 0, 1, 0, 0, 0, 0])).toBeCloseTo(4 / 9, 15);
  });

  it('is 0 or 1 when the mass is all on false or all on true answers', () => {
    expect(acc([-1, -1], [0, 0])).toBe(0);
    expect(acc([-1, -5], [1, 1])).toBe(1);
  });

  it('keeps the ratios where numpy would divide 0 by 0', () => {
    // e^-1000 underflows: numpy gives NaN; relative to the largest: 1 / (1 + e^-1 + e^-2).
    expect(acc([-1000, -1001, -1002], [1, 0, 0])).toBeCloseTo(0.6652409557748218, 15);
  });
});
