import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { evalDocExcludingShots, indexTargetContext, sameRow } from '../../../src/harnesses/lm-eval/eval-doc-excluding-shots.js';

interface Item {
  row: Record<string, unknown>;
}

const item = (row: Record<string, unknown>): Item => ({ row });
/** A pool of 12 rows `{n: i}`; row 1 is, field for field, the eval doc `{n: 'dup'}`. */
const pool = Array.from({ length: 12 }, (_, i) => item({ n: i === 1 ? 'dup' : i }));
const indexOf = (shot: Item) => pool.indexOf(shot);

describe('evalDocExcludingShots', () => {
  it("draws n + 1 per doc from one random.Random(1234) and drops the rows equal to the eval doc, as lm-eval's sampler", async () => {
    // python3: r = random.Random(1234); [r.sample(range(12), 3) for _ in range(5)]
    //   == [[7, 1, 0], [1, 9, 0], [10, 1, 11], [5, 3, 0], [0, 11, 5]]
    const shotsFor = await evalDocExcludingShots(2, async () => pool);
    const evalDocs = [item({ n: 'dup' }), item({ n: 'other' }), item({ n: 'dup' }), item({ n: 'x' }), item({ n: 'y' })];
    expect(evalDocs.map((doc, i) => shotsFor(doc, i).map(indexOf))).toEqual([
      [7, 0],
      [1, 9],
      [10, 11],
      [5, 3],
      [0, 11],
    ]);
  });

  it('consumes the draws of docs it never saw, and repeats a doc it already drew for', async () => {
    const shotsFor = await evalDocExcludingShots(2, async () => pool);
    // Doc 3 after a gap: docs 0-2 still took their 3 draws each.
    expect(shotsFor(item({ n: 'x' }), 3).map(indexOf)).toEqual([5, 3]);
    expect(shotsFor(item({ n: 'x' }), 3).map(indexOf)).toEqual([5, 3]);
    expect(shotsFor(item({ n: 'y' }), 4).map(indexOf)).toEqual([0, 11]);
  });

  it('loads no pool for 0 shots and refuses more shots than the pool can give', async () => {
    const shotsFor = await evalDocExcludingShots(0, async () => {
      throw new Error('must not load');
    });
    expect(shotsFor(item({}), 0)).toEqual([]);
    const tooMany = evalDocExcludingShots(12, async () => pool);
    await expect(tooMany).rejects.toThrow(ConfigError);
    await expect(tooMany).rejects.toThrow(/13 draws from the training split, which has 12 rows/);
    await expect(evalDocExcludingShots(11, async () => pool)).resolves.toBeTypeOf('function');
  });
});

describe('sameRow', () => {
  it("is Python's dict ==: every field equal, key order aside", () => {
    expect(sameRow(item({ a: 1, b: ['x', 'y'] }), item({ b: ['x', 'y'], a: 1 }))).toBe(true);
    expect(sameRow(item({ a: 1, b: ['x', 'y'] }), item({ a: 1, b: ['y', 'x'] }))).toBe(false);
    expect(sameRow(item({ a: 1 }), item({ a: 1, c: 'extra' }))).toBe(false);
  });
});

describe('indexTargetContext', () => {
  it('renders each shot as text + " " + answer + "\\n\\n", keeping both delimiters for an empty answer', () => {
    expect(indexTargetContext([{ text: 'Q1\nAnswer:', answer: 'yes' }, { text: 'Q2\nAnswer:', answer: '' }], 'Q3\nAnswer:')).toBe(
      'Q1\nAnswer: yes\n\nQ2\nAnswer: \n\nQ3\nAnswer:',
    );
    expect(indexTargetContext([], 'Q')).toBe('Q');
  });
});
