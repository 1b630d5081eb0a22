import type { DatasetReader } from '../../core/datasets/dataset-reader.js';
import { PythonRandom } from '../../core/python/python-random.js';
import type { TaskDoc } from '../../core/task.js';
import { readGpqaRecords } from '../simple-evals/gpqa-data.js';
import type { GpqaRecord, GpqaSubset } from '../simple-evals/gpqa-data.js';
import { LM_EVAL_GLOBAL_SEED } from './gpqa-cot-zeroshot-data.js';
import { hellaswagPreprocess } from './hellaswag-preprocess.js';

/** A GPQA question after `tasks/leaderboard/gpqa/utils.py` `process_docs`. */
export interface LeaderboardGpqaDoc {
  /** `Question` as stored (the template does not preprocess it). */
  question: string;
  /** `choice1`–`choice4`: the four preprocessed answers in shuffled order. */
  choices: readonly [string, string, string, string];
  /** `answer`: `(A)`–`(D)`, the first position holding the preprocessed correct answer. */
  answer: string;
}

/** One subtask of the `leaderboard_gpqa` group and the GPQA set it reads (`dataset_name: gpqa_<set>`). */
export interface LeaderboardGpqaSubtask {
  name: string;
  subset: GpqaSubset;
}

/**
 * `_leaderboard_gpqa.yaml`'s `task:` list, in order. lm-eval HEAD builds the subtasks in this order
 * (TaskFactory `_build_group_members`), so their `process_docs` draw from the global `random` one
 * after another in it; it is also the group's `get_all_tasks()` order.
 */
export const LEADERBOARD_GPQA_SUBTASKS: readonly LeaderboardGpqaSubtask[] = [
  { name: 'leaderboard_gpqa_diamond', subset: 'diamond' },
  { name: 'leaderboard_gpqa_extended', subset: 'extended' },
  { name: 'leaderboard_gpqa_main', subset: 'main' },
];

/**
 * The leaderboard's `preprocess`: `strip`, ` [title]` → `. `, every `[...]` on one line removed,
 * then double spaces → single. It is hellaswag's `preprocess` line for line; its extra `None` → " "
 * branch never applies (no GPQA answer cell is empty).
 */
export const preprocessLeaderboardGpqaText = hellaswagPreprocess;

/**
 * `_process_doc` for one row, drawing from `random`: the answers
 * `[incorrect 1, incorrect 2, incorrect 3, correct]`, each preprocessed, shuffled in place
 * (`random.shuffle`); the gold label is that of the first choice equal to the preprocessed correct
 * answer (`choices.index`).
 */
function processDoc(record: GpqaRecord, random: PythonRandom): LeaderboardGpqaDoc {
  const correct = preprocessLeaderboardGpqaText(record.correct);
  const choices = [...record.incorrect.map(preprocessLeaderboardGpqaText), correct] as [string, string, string, string];
  random.shuffle(choices);
  return { question: record.question, choices, answer: `(${String.fromCharCode(65 + choices.indexOf(correct))})` };
}

/**
 * The docs of lm-eval's `leaderboard_gpqa` group run on its own, subtask by subtask in
 * `LEADERBOARD_GPQA_SUBTASKS` order, each set's rows in file order; id `<subtask>/<row>`, subset
 * and subtask = the subtask's name. Every row of every set is shuffled by one generator seeded
 * with `LM_EVAL_GLOBAL_SEED`, continuing from set to set, as Python's global `random` after
 * `simple_evaluate`'s `random.seed(0)`: each subtask's first `process_docs` call (the few-shot pool,
 * `training_split: train`, in its constructor) shuffles, and its later calls over the same split
 * hit the datasets map cache. Docs come out in shuffle order, so a doc's choices depend only on the
 * rows before it.
 */
export async function* leaderboardGpqaDocs(data: DatasetReader): AsyncGenerator<TaskDoc<LeaderboardGpqaDoc>> {
  const random = new PythonRandom(LM_EVAL_GLOBAL_SEED);
  for (const { name, subset } of LEADERBOARD_GPQA_SUBTASKS) {
    for (const [row, record] of (await readGpqaRecords(data, subset)).entries()) {
      yield { id: `${name}/${row}`, doc: processDoc(record, random), subsets: [name], subtask: name };
    }
  }
}
