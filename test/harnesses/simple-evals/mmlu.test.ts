import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubCachePath } from '../../../src/core/datasets/cache-paths.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import type { TaskDoc } from '../../../src/core/task.js';
import { mmluTask } from '../../../src/harnesses/simple-evals/mmlu.js';
import { mmluDocFromRow, mmluTestFile } from '../../../src/harnesses/simple-evals/mmlu-data.js';
import type { MmluDoc } from '../../../src/harnesses/simple-evals/mmlu-data.js';
import { EXTRACTION_CASES } from './mmlu-extraction-cases.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-mmlu-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const localReader = () => createDatasetReader({ cacheDir: join(scratch, 'no-cache'), offline: true });

async function allDocs(): Promise<TaskDoc<MmluDoc>[]> {
  const docs: TaskDoc<MmluDoc>[] = [];
  for await (const doc of mmluTask.docs(localReader())) docs.push(doc);
  return docs;
}

function docWithGold(answer: MmluDoc['answer']): MmluDoc {
  return { subject: 'anatomy', category: 'other', question: 'q', A: 'a', B: 'b', C: 'c', D: 'd', answer };
}

describe('mmlu scoring', () => {
  it.each(EXTRACTION_CASES)('$name', ({ response, gold, extracted, score }) => {
    expect(mmluTask.score(response, docWithGold(gold))).toEqual({ extracted: { answer: extracted }, scores: { score } });
  });
});

describe('mmlu docs and prompt', () => {
  let docs: TaskDoc<MmluDoc>[];
  beforeAll(async () => {
    docs = await allDocs();
  });

  it('reads the 57 test files subject by subject in alphabetical order', () => {
    expect(docs).toHaveLength(14042);
    expect(docs[0]).toMatchObject({ id: 'abstract_algebra/0', subsets: ['abstract_algebra', 'stem'], doc: { answer: 'B', A: '0', D: '6' } });
    expect(docs[0]!.doc.question).toBe('Find the degree for the given field extension Q(sqrt(2), sqrt(3), sqrt(18)) over Q.');
    expect(docs[100]!.id).toBe('anatomy/0');
    expect(docs.at(-1)).toMatchObject({ id: 'world_religions/170', subsets: ['world_religions', 'humanities'] });
    const subjects = [...new Set(docs.map((d) => d.doc.subject))];
    expect(subjects).toHaveLength(57);
    expect(subjects).toEqual([...subjects].sort());
    expect(new Set(docs.map((d) => d.id)).size).toBe(14042);
    // SOURCE.md: A 3222, B 3462, C 3582, D 3776.
    const golds = docs.map((d) => mmluTask.target(d.doc));
    expect(['A', 'B', 'C', 'D'].map((l) => golds.filter((g) => g === l).length)).toEqual([3222, 3462, 3582, 3776]);
  });

  it('builds the exact upstream prompt for a row with newlines, $ and braces', async () => {
    const doc = docs.find((d) => d.id === 'econometrics/19')!;
    const prompter = await mmluTask.createPrompter({ params: {}, endpointType: 'chat', data: localReader() });
    // Python: QUERY_TEMPLATE_MULTICHOICE.format(Question=row[0], A=row[1], B=row[2], C=row[3], D=row[4]) for row 19 of
    // econometrics_test.csv (csv.reader).
    expect(prompter(doc.doc, 0)).toEqual({
      kind: 'chat',
      messages: [
        {
          role: 'user',
          content:
            "Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step before answering.\n\nThe characteristic roots of the MA process\n\n$y_t = -3u_{t-1} + u_{t-2} + u_t$\n\nare\n\nA) 1 and 2\nB) 1 and 0.5\nC) 2 and -0.5\nD) 1 and -3",
        },
      ],
    });
    expect(mmluTask.target(doc.doc)).toBe('B');
  });
});

describe('mmlu data sources', () => {
  it('gives the hub parquet rows the local CSV shape', async () => {
    const file = mmluTestFile('anatomy');
    const localRows: DatasetRow[] = [];
    for await (const row of localReader().rows(file)) {
      localRows.push(row);
      if (localRows.length === 2) break;
    }
    const cacheDir = join(scratch, 'cache');
    const cached = hubCachePath(cacheDir, file.hub);
    await mkdir(dirname(cached), { recursive: true });
    // cais/mmlu layout: question, subject, choices (list of 4), answer (int64 index).
    parquetWriteFile({
      filename: cached,
      columnData: [
        { name: 'question', data: localRows.map((r) => r.row.question), type: 'STRING' },
        { name: 'subject', data: ['anatomy', 'anatomy'], type: 'STRING' },
        { name: 'choices', data: localRows.map((r) => ['A', 'B', 'C', 'D'].map((l) => r.row[l])) },
        { name: 'answer', data: localRows.map((r) => BigInt('ABCD'.indexOf(r.row.answer as string))), type: 'INT64' },
      ],
    });
    const hubReader = createDatasetReader({ dataDir: join(scratch, 'empty'), cacheDir, offline: true });
    const hubRows: DatasetRow[] = [];
    for await (const row of hubReader.rows(file)) hubRows.push(row);
    expect(hubRows.map((r) => r.row)).toEqual(localRows.map((r) => r.row));
    expect(hubReader.provenance()[0]).toMatchObject({ source: 'hub:cais/mmlu@main/anatomy/test-00000-of-00001.parquet', rows: 2 });
    expect(mmluDocFromRow(hubRows[1]!, 'anatomy', 'other')).toEqual(mmluDocFromRow(localRows[1]!, 'anatomy', 'other'));
  });

  it('rejects hub rows of another shape', () => {
    const normalize = mmluTestFile('anatomy').hub.normalize!;
    expect(() => normalize({ question: 'q', choices: ['a', 'b', 'c'], answer: 0 })).toThrow(/choices/);
    expect(() => normalize({ question: 'q', choices: ['a', 'b', 'c', 'd'], answer: 4 })).toThrow(/answer/);
  });

  it('names the file, row and field of a bad row', () => {
    const row = (fields: Record<string, unknown>): DatasetRow => ({ row: fields, rowNumber: 7, location: 'x/anatomy_test.csv' });
    const valid = { question: 'q', A: 'a', B: 'b', C: 'c', D: 'd', answer: 'C' };
    expect(() => mmluDocFromRow(row({ ...valid, answer: '2' }), 'anatomy', 'other')).toThrow(DatasetError);
    expect(() => mmluDocFromRow(row({ ...valid, answer: '2' }), 'anatomy', 'other')).toThrow(/x\/anatomy_test\.csv, row 7: answer "2"/);
    expect(() => mmluDocFromRow(row({ ...valid, D: undefined }), 'anatomy', 'other')).toThrow(/row 7: field "D" is missing/);
  });
});
