import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { resolveNumFewshot } from '../../../src/harnesses/lm-eval/num-fewshot.js';

describe('resolveNumFewshot', () => {
  it('uses params.extra.num_fewshot over the YAML value, except for a YAML 0', () => {
    expect(resolveNumFewshot({}, 5)).toBe(5);
    expect(resolveNumFewshot({ extra: { num_fewshot: 3 } }, 5)).toBe(3);
    expect(resolveNumFewshot({ extra: { num_fewshot: null } }, 5)).toBe(5);
    expect(resolveNumFewshot({ extra: { num_fewshot: 3 } }, 0)).toBe(0);
    // A YAML without num_fewshot: 0-shot unless the run asks for shots.
    expect(resolveNumFewshot({}, undefined)).toBe(0);
    expect(resolveNumFewshot({ extra: { num_fewshot: 3 } }, undefined)).toBe(3);
  });

  it('names the field when the value is unusable', () => {
    expect(() => resolveNumFewshot({ extra: { num_fewshot: '3' } }, 5)).toThrow(ConfigError);
    expect(() => resolveNumFewshot({ extra: { num_fewshot: -1 } }, 5)).toThrow(/params\.extra\.num_fewshot/);
    expect(() => resolveNumFewshot({ extra: { num_fewshot: 9 } }, 8, 8)).toThrow(/only 8/);
  });
});
