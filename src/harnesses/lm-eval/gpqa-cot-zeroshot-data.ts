import type { DatasetReader } from '../../core/datasets/dataset-reader.js';
import { pythonStrip } from '../../core/python/python-strip.js';
import { PythonRandom } from '../../core/python/python-random.js';
import type { TaskDoc } from '../../core/task.js';
import { readGpqaRecords } from '../simple-evals/gpqa-data.js';
import type { GpqaSubset } from '../simple-evals/gpqa-data.js';

/** A GPQA question after lm-eval's `process_docs` for the gpqa tasks. */
export interface GpqaCotDoc {
  /** As stored (not preprocessed). */
  question: string;
  /** The four preprocessed answers in the shuffled order shown as (A)–(D). */
  choices: readonly [string, string, string, string];
  /** The gold label, `(A)` to `(D)`. */
  answer: string;
}

/**
 * lm-eval's `preprocess` (tasks/gpqa/cot_zeroshot/utils.py): `.strip()`, then every ` [title]`
 * becomes `. `, then every double space a single one (one pass, left to right, as `str.replace`).
 */
export function preprocessGpqaText(text: string): string {
  return pythonStrip(text).replaceAll(' [title]', '. ').replaceAll('  ', ' ');
}

/**
 * The seed of Python's global `random` when `process_docs` first runs: lm-eval's `simple_evaluate`
 * calls `random.seed(0)` (CLI default `--seed 0,...`; NeMo passes none) before it builds the task,
 * and nothing between draws from it (see docs/tasks/gpqa.md for the argument and its limits).
 */
export const LM_EVAL_GLOBAL_SEED = 0;

/**
 * The docs of `gpqa_<subset>_cot_zeroshot` when it is the only task of an lm-eval run,
 * in file order, id = 0-based row: for each row in turn the four answers
 * `[incorrect 1, incorrect 2, incorrect 3, correct]`, each preprocessed, are shuffled in place by
 * the one global `random` seeded with `LM_EVAL_GLOBAL_SEED` (`random.shuffle`); the gold label is
 * that of the first choice equal to the preprocessed correct answer (`choices.index`). lm-eval
 * shuffles once: the later calls of `process_docs` in a run read the result from the datasets
 * cache (the map's fingerprint does not change), so every pass sees this order.
 */
export async function* gpqaCotDocs(data: DatasetReader, subset: GpqaSubset): AsyncGenerator<TaskDoc<GpqaCotDoc>> {
  const random = new PythonRandom(LM_EVAL_GLOBAL_SEED);
  for (const [row, record] of (await readGpqaRecords(data, subset)).entries()) {
    const correct = preprocessGpqaText(record.correct);
    const choices = [...record.incorrect.map(preprocessGpqaText), correct] as [string, string, string, string];
    random.shuffle(choices);
    yield { id: String(row), doc: { question: record.question, choices, answer: `(${String.fromCharCode(65 + choices.indexOf(correct))})` } };
  }
}
