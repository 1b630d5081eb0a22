import type { DatasetReader } from '../../core/datasets/dataset-reader.js';
import { DatasetError } from '../../core/errors.js';
import { pythonStrip } from '../../core/python/python-strip.js';
import type { TaskDoc } from '../../core/task.js';
import { mmluTestFile } from '../simple-evals/mmlu-data.js';
import type { MmluDoc } from '../simple-evals/mmlu-data.js';
import type { Shot } from './fewshot-context.js';
import { firstN } from './fewshot-sampler.js';
import { MMLU_SUBJECTS, mmluDevFile, mmluSubjectDocs } from './mmlu-generative-data.js';

/**
 * The `doc_to_text` of lm-eval's MMLU `_default_template_yaml` (the same in `tasks/mmlu/default`
 * and `tasks/mmlu/generative`):
 * `"{{question.strip()}}\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:"`
 * (Python `str.strip`; the options as they are).
 */
export function mmluQuestion(doc: MmluDoc): string {
  return `${pythonStrip(doc.question)}\nA. ${doc.A}\nB. ${doc.B}\nC. ${doc.C}\nD. ${doc.D}\nAnswer:`;
}

/**
 * A subject YAML's `description`: "The following are multiple choice questions (with answers)
 * about <subject with every `_` a space>.\n\n" (the rule holds for all 57 `mmlu_<subject>.yaml`).
 */
export function mmluDescription(subject: string): string {
  return `The following are multiple choice questions (with answers) about ${subject.replaceAll('_', ' ')}.\n\n`;
}

/** The 57 subjects in alphabetical order, each's test rows in file order; subset and subtask = `subtaskOf(subject)`. */
export async function* mmluSubtaskDocs(data: DatasetReader, subtaskOf: (subject: string) => string): AsyncGenerator<TaskDoc<MmluDoc>> {
  for (const subject of MMLU_SUBJECTS) {
    const subtask = subtaskOf(subject);
    for await (const item of mmluSubjectDocs(data, subject, mmluTestFile(subject))) yield { ...item, subsets: [subtask], subtask };
  }
}

/**
 * Each subject's shots: its first `numFewshot` dev rows (`fewshot_split: dev`, `sampler: first_n`),
 * each `mmluQuestion` with its gold letter as the answer. A dev file with fewer rows is a
 * DatasetError.
 */
export async function mmluDevShots(data: DatasetReader, numFewshot: number): Promise<Map<string, Shot[]>> {
  const shots = new Map<string, Shot[]>();
  if (numFewshot === 0) return shots;
  for (const subject of MMLU_SUBJECTS) {
    const dev: MmluDoc[] = [];
    const file = mmluDevFile(subject);
    for await (const { doc } of mmluSubjectDocs(data, subject, file)) dev.push(doc);
    if (dev.length < numFewshot) {
      throw new DatasetError(
        `${file.name} has ${dev.length} rows, fewer than the ${numFewshot} few-shot examples asked for`,
        undefined,
        undefined,
        'use the published cais/mmlu dev split (5 rows per subject), or fewer shots (params.extra.num_fewshot)',
      );
    }
    shots.set(subject, firstN(dev, numFewshot).map((doc) => ({ question: mmluQuestion(doc), answer: doc.answer })));
  }
  return shots;
}
