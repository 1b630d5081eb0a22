import { PythonRandom } from '../../core/python/python-random.js';
import type { GpqaRecord } from './gpqa-data.js';

export type GpqaLetter = 'A' | 'B' | 'C' | 'D';

const LETTERS: readonly GpqaLetter[] = ['A', 'B', 'C', 'D'];

/** One prompt of a simple-evals GPQA run: a question with its choices in the order shown. */
export interface GpqaExample {
  /** 0-based row of the question in its CSV. */
  row: number;
  /** Which pass over the set this is, 0-based. */
  repeat: number;
  question: string;
  /** The texts shown as A, B, C, D. */
  choices: readonly [string, string, string, string];
  /** The gold letter. */
  answer: GpqaLetter;
}

/**
 * simple-evals `GPQAEval.__init__` and `fn` (gpqa_eval.py, ee3b0318) without `num_examples`: the
 * set repeated whole `repeats` times (`examples * n_repeats`), then, in that order and from one
 * `random.Random(0)`, each entry draws `permutation = rng.sample(range(4), 4)`; the choices
 * `[correct, incorrect 1, incorrect 2, incorrect 3]` are shown as `[choices[i] for i in
 * permutation]` and the gold letter is that of the first shown choice equal to the correct answer
 * (`choices.index`, which matters where a distractor repeats the correct text). So pass 0 is the
 * same whatever `repeats` is, and each later pass has its own permutations.
 */
export function gpqaExamples(records: readonly GpqaRecord[], repeats: number): GpqaExample[] {
  const rng = new PythonRandom(0);
  const examples: GpqaExample[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const [row, record] of records.entries()) {
      const permutation = rng.sample([0, 1, 2, 3], 4);
      const original = [record.correct, ...record.incorrect];
      const choices = permutation.map((i) => original[i] as string) as [string, string, string, string];
      examples.push({ row, repeat, question: record.question, choices, answer: LETTERS[choices.indexOf(record.correct)] as GpqaLetter });
    }
  }
  return examples;
}
