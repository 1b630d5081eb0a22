import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/compare/compare-runs.js';
import type { FinishedSample } from '../../../src/core/results/finished-samples.js';

const sample = (id: string, index: number, scores: Record<string, number>): FinishedSample => ({ id, index, scores });

describe('compareRuns', () => {
  it('compares each metric over the pairs that recorded it in both runs', () => {
    const pairs = [
      [sample('a', 0, { turn_1: 7, turn_2: 5 }), sample('a', 0, { turn_1: 8, turn_2: 5 })],
      [sample('b', 1, { turn_1: 6 }), sample('b', 1, { turn_1: 6, turn_2: 9 })],
      [sample('c', 2, { turn_1: 4, turn_2: 3 }), sample('c', 2, { turn_1: 4, turn_2: 3 })],
    ] as const;
    const [turn1, turn2] = compareRuns(pairs);
    expect(turn1).toMatchObject({ metric: 'turn_1', kind: 'continuous', pairs: 3, flips: { up: ['a'], down: [] } });
    expect(turn2).toMatchObject({ metric: 'turn_2', pairs: 2, difference: 0, flips: { up: [], down: [] } });
    // Every difference 0: no t statistic.
    expect(turn2!.test).toEqual({ name: 'paired_t', t: null, df: 1, pValue: null });
  });

  it('gives the same result whatever order the pairs come in', () => {
    const pairs = Array.from({ length: 12 }, (_, i) => [sample(`s${i}`, i, { score: i % 2 }), sample(`s${i}`, i, { score: i % 3 === 0 ? 1 : 0 })] as const);
    expect(compareRuns([...pairs].reverse())).toEqual(compareRuns(pairs));
  });
});
