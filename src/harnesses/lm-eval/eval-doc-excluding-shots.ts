import { canonicalJson } from '../../core/datasets/canonical-json.js';
import { ConfigError } from '../../core/errors.js';
import { RandomFewshotSampler } from './fewshot-sampler.js';

/** A doc that remembers the dataset row it came from, for lm-eval's shot-versus-eval-doc test. */
export interface RowBackedDoc {
  /** The row as read (every column), which lm-eval's doc dict holds too. */
  row: Record<string, unknown>;
}

/**
 * Python `==` between two rows of strings, numbers and lists (lm-eval's `x != doc` in
 * `rm_eval_doc`): same keys and equal values, key order aside.
 */
export function sameRow(a: RowBackedDoc, b: RowBackedDoc): boolean {
  return canonicalJson(a.row) === canonicalJson(b.row);
}

/**
 * The shots of each eval doc for an lm-eval task whose YAML sets neither `fewshot_split` nor
 * `test_split` (hellaswag, winogrande, piqa, boolq): the pool is the training split, and since
 * `fewshot_split == test_split` (both `None`) lm-eval passes the eval doc to the sampler, which
 * draws `rnd.sample(pool, n + 1)` from the task's one `random.Random(1234)`, drops the drawn rows
 * equal to the eval doc and keeps the first n. Draws follow doc order; an index reached without
 * its doc (a gap) still consumes its n + 1 draw, so later docs get lm-eval's shots. `loadPool` is
 * only called when `numFewshot > 0`. Asking for more shots than the pool can give (n + 1 > pool
 * size, where lm-eval's `sample` raises) is a ConfigError.
 */
export async function evalDocExcludingShots<T extends RowBackedDoc>(
  numFewshot: number,
  loadPool: () => Promise<readonly T[]>,
): Promise<(doc: T, index: number) => T[]> {
  if (numFewshot === 0) return () => [];
  const pool = await loadPool();
  if (numFewshot + 1 > pool.length) {
    throw new ConfigError(
      'params.extra.num_fewshot',
      `${numFewshot} shots need ${numFewshot + 1} draws from the training split, which has ${pool.length} rows`,
      `use at most ${Math.max(pool.length - 1, 0)}`,
    );
  }
  const sampler = new RandomFewshotSampler(pool);
  const draws: T[][] = [];
  return (doc, index) => {
    while (draws.length < index) draws.push(sampler.sample(numFewshot, () => false));
    if (draws.length === index) draws.push(sampler.sample(numFewshot, (candidate) => sameRow(candidate, doc)));
    return draws[index] as T[];
  };
}

/** One shot of a multiple-choice task whose target is a choice index: its text and gold choice. */
export interface IndexTargetShot {
  text: string;
  answer: string;
}

/**
 * lm-eval's plain-text context for a multiple-choice doc whose `doc_to_target` is a choice index
 * (no description): `text + " " + answer + "\n\n"` per shot, then the doc's text with nothing
 * after it. The delimiters are there even for an empty answer text, as lm-eval's `build_qa_turn`
 * decides by the index (`has_answer`), not by the text.
 */
export function indexTargetContext(shots: readonly IndexTargetShot[], text: string): string {
  return shots.map((shot) => `${shot.text} ${shot.answer}\n\n`).join('') + text;
}
