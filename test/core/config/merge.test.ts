import { describe, expect, it } from 'vitest';
import { mergeLayers } from '../../../src/core/config/merge.js';

describe('mergeLayers', () => {
  it('deep-merges objects with later layers winning', () => {
    expect(mergeLayers({ a: { b: 1, c: 2 } }, { a: { c: 3, d: 4 } })).toEqual({ a: { b: 1, c: 3, d: 4 } });
  });
  it('never lets undefined or null overwrite a lower layer', () => {
    expect(mergeLayers({ a: 1, b: { c: 2 } }, { a: undefined, b: null })).toEqual({ a: 1, b: { c: 2 } });
  });
  it('replaces arrays instead of merging them', () => {
    expect(mergeLayers({ stop: ['a', 'b'] }, { stop: ['c'] })).toEqual({ stop: ['c'] });
  });
  it('skips missing layers and does not mutate its inputs', () => {
    const base = { a: { b: 1 } };
    const merged = mergeLayers<{ a: { b: number; c?: number } }>(base, undefined, { a: { c: 2 } });
    expect(merged).toEqual({ a: { b: 1, c: 2 } });
    expect(base).toEqual({ a: { b: 1 } });
  });
});
