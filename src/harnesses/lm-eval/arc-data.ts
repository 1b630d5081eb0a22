import type { DatasetFile, DatasetReader, DatasetRow } from '../../core/datasets/dataset-reader.js';
import { stringArrayField, stringField } from '../../core/datasets/row-fields.js';
import { DatasetError } from '../../core/errors.js';
import type { TaskDoc } from '../../core/task.js';

/** An ARC question in `allenai/ai2_arc`'s shape. */
export interface ArcDoc {
  id: string;
  question: string;
  choices: { text: string[]; label: string[] };
  answerKey: string;
}

export type ArcSubset = 'ARC-Easy' | 'ARC-Challenge';
type ArcSplit = 'train' | 'test';

/** The original ARC jsonl (`{"question": {"stem", "choices": [{text, label}]}}`) in the hub's shape. */
function fromOriginal(raw: Record<string, unknown>): Record<string, unknown> {
  const question = raw.question as { stem?: unknown; choices?: unknown } | undefined;
  const choices = Array.isArray(question?.choices) ? (question.choices as Array<{ text?: unknown; label?: unknown }>) : undefined;
  return {
    id: raw.id,
    question: question?.stem,
    choices: choices ? { text: choices.map((c) => c?.text), label: choices.map((c) => c?.label) } : undefined,
    answerKey: raw.answerKey,
  };
}

/** The hub parquet row (`choices` a struct of two lists) with plain arrays, so both copies hash alike. */
function fromHub(raw: Record<string, unknown>): Record<string, unknown> {
  const choices = raw.choices as { text?: unknown; label?: unknown } | undefined;
  return {
    id: raw.id,
    question: raw.question,
    choices: choices ? { text: Array.from((choices.text ?? []) as ArrayLike<unknown>), label: Array.from((choices.label ?? []) as ArrayLike<unknown>) } : undefined,
    answerKey: raw.answerKey,
  };
}

/** One ARC split: locally `arc/<subset>/<subset>-<Split>.jsonl`, on the hub `allenai/ai2_arc` `<subset>/<split>-00000-of-00001.parquet`. */
export function arcFile(subset: ArcSubset, split: ArcSplit): DatasetFile {
  const title = split === 'train' ? 'Train' : 'Test';
  return {
    name: `arc/${subset}/${split}`,
    local: { format: 'jsonl', path: `arc/${subset}/${subset}-${title}.jsonl`, normalize: fromOriginal },
    hub: { format: 'parquet', repo: 'allenai/ai2_arc', revision: 'main', path: `${subset}/${split}-00000-of-00001.parquet`, normalize: fromHub },
  };
}

function arcDocFromRow(row: DatasetRow): ArcDoc {
  const choices = row.row.choices as Record<string, unknown> | undefined;
  const text = stringArrayField({ ...row, row: choices ?? {} }, 'text');
  const label = stringArrayField({ ...row, row: choices ?? {} }, 'label');
  const answerKey = stringField(row, 'answerKey');
  if (text.length !== label.length || !label.includes(answerKey)) {
    throw new DatasetError(
      `${row.location}, row ${row.rowNumber}: answerKey ${JSON.stringify(answerKey)} is not one of the choice labels ${JSON.stringify(label)}`,
      row.location,
      row.rowNumber,
      'use the ARC files in their original layout (choices with one label per text; answerKey one of the labels)',
    );
  }
  return { id: stringField(row, 'id'), question: stringField(row, 'question'), choices: { text, label }, answerKey };
}

/** The questions of one split in file order; a doc's id is its ARC id. */
export async function* arcDocs(data: DatasetReader, file: DatasetFile): AsyncGenerator<TaskDoc<ArcDoc>> {
  for await (const row of data.rows(file)) {
    const doc = arcDocFromRow(row);
    yield { id: doc.id, doc };
  }
}

/** A whole split in file order (the few-shot pool: lm-eval's `training_split: train`). */
export async function arcPool(data: DatasetReader, file: DatasetFile): Promise<ArcDoc[]> {
  const pool: ArcDoc[] = [];
  for await (const { doc } of arcDocs(data, file)) pool.push(doc);
  return pool;
}
