import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubCachePath } from '../../../src/core/datasets/cache-paths.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetFile, DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import type { TaskDoc } from '../../../src/core/task.js';
import { MATH_500_TEST, MATH_TEST_FULL, math500Docs, mathGoldAnswer, mathTestDocs } from '../../../src/harnesses/simple-evals/math-data.js';
import type { MathDoc } from '../../../src/harnesses/simple-evals/math-data.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-math-data-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const localReader = () => createDatasetReader({ cacheDir: join(scratch, 'no-cache'), offline: true });

async function collect(docs: AsyncIterable<TaskDoc<MathDoc>>): Promise<TaskDoc<MathDoc>[]> {
  const all: TaskDoc<MathDoc>[] = [];
  for await (const doc of docs) all.push(doc);
  return all;
}

async function firstRows(file: DatasetFile, n: number): Promise<DatasetRow[]> {
  const rows: DatasetRow[] = [];
  for await (const row of localReader().rows(file)) {
    rows.push(row);
    if (rows.length === n) break;
  }
  return rows;
}

/** A reader that finds only `file`'s hub copy, written into a fresh cache by `write`. */
async function hubOnlyReader(name: string, file: DatasetFile, write: (path: string) => Promise<void>) {
  const cacheDir = join(scratch, name);
  const cached = hubCachePath(cacheDir, file.hub);
  await mkdir(dirname(cached), { recursive: true });
  await write(cached);
  return createDatasetReader({ dataDir: join(scratch, 'empty'), cacheDir, offline: true });
}

describe('MATH-500 docs', () => {
  it('reads the 500 problems in file order with their answer field', async () => {
    const docs = await collect(math500Docs(localReader()));
    expect(docs).toHaveLength(500);
    expect(docs[0]).toMatchObject({ id: '0', doc: { answer: '\\left( 3, \\frac{\\pi}{2} \\right)' } });
    expect(docs[0]!.doc.question).toMatch(/^Convert the point \$\(0,3\)\$ in rectangular coordinates/);
    expect(docs[499]).toMatchObject({ id: '499', doc: { answer: '106^\\circ' } });
    expect(new Set(docs.map((d) => d.id)).size).toBe(500);
  });

  it('reads the hub copy (same layout) the same way', async () => {
    const local = await firstRows(MATH_500_TEST, 2);
    const reader = await hubOnlyReader('math500-hub', MATH_500_TEST, (path) => writeFile(path, local.map((r) => JSON.stringify(r.row)).join('\n') + '\n'));
    const docs = await collect(math500Docs(reader));
    expect(docs.map((d) => d.doc)).toEqual((await collect(math500Docs(localReader()))).slice(0, 2).map((d) => d.doc));
    expect(reader.provenance()[0]).toMatchObject({ source: 'hub:HuggingFaceH4/MATH-500@main/test.jsonl', rows: 2 });
  });
});

describe('full MATH test docs', () => {
  let docs: TaskDoc<MathDoc>[];
  beforeAll(async () => {
    docs = await collect(mathTestDocs(localReader()));
  });

  it('reads the 5,000 problems in file order', () => {
    expect(docs).toHaveLength(5000);
    expect(docs[0]!.doc.question).toBe('How many vertical asymptotes does the graph of $y=\\frac{2}{x^2+x-6}$ have?');
    expect(docs.at(-1)!.id).toBe('4999');
  });

  it('derives the gold answers upstream math_test.csv has', () => {
    // `Answer` of the same problems in openai/simple-evals math_test.csv (commit 326580f2). Rows 866,
    // 892, 2424 and 3891 box their answer with a leading or trailing space, which the strip removes.
    const upstream: Record<number, string> = {
      0: '2',
      2: '\\dfrac{9}{7}',
      866: '\\frac{1}{8}',
      892: '\\frac{1}{5} + \\frac{3}{5}i',
      2424: '(-\\infty, -3)',
      3004: '(-\\infty, \\tfrac37] \\cup [\\tfrac35, \\infty)',
      3891: '5',
      4999: '\\begin{pmatrix} 1 \\\\ -2 \\\\ -1 \\end{pmatrix}',
    };
    for (const [index, answer] of Object.entries(upstream)) expect(docs[Number(index)]!.doc.answer).toBe(answer);
  });

  it('derives MATH-500\'s answer field for each of its 500 problems', async () => {
    const byQuestion = new Map(docs.map((d) => [d.doc.question, d.doc.answer]));
    const math500 = await collect(math500Docs(localReader()));
    expect(math500.filter((d) => byQuestion.get(d.doc.question) !== d.doc.answer)).toEqual([]);
  });

  it('gives the hub parquet rows the same four columns as the local file', async () => {
    const local = await firstRows(MATH_TEST_FULL, 3);
    expect(Object.keys(local[0]!.row)).toEqual(['problem', 'level', 'type', 'solution']);
    // DigitalLearningGmbH/MATH-lighteval layout: problem, level, solution, type.
    const reader = await hubOnlyReader('math-full-hub', MATH_TEST_FULL, async (path) =>
      parquetWriteFile({
        filename: path,
        columnData: ['problem', 'level', 'solution', 'type'].map((name) => ({ name, data: local.map((r) => r.row[name]), type: 'STRING' as const })),
      }),
    );
    const hubRows: DatasetRow[] = [];
    for await (const row of reader.rows(MATH_TEST_FULL)) hubRows.push(row);
    expect(hubRows.map((r) => r.row)).toEqual(local.map((r) => r.row));
    expect(reader.provenance()[0]).toMatchObject({ source: 'hub:DigitalLearningGmbH/MATH-lighteval@main/data/test-00000-of-00001.parquet', rows: 3 });
  });

  it('names the row of a solution without a boxed answer', () => {
    const row = (solution: string): DatasetRow => ({ row: { solution }, rowNumber: 12, location: 'x/math_test_full.jsonl' });
    expect(() => mathGoldAnswer(row('The answer is 5.'))).toThrow(DatasetError);
    expect(() => mathGoldAnswer(row('\\fbox{5}'))).toThrow(/x\/math_test_full\.jsonl, row 12: "solution" has no final \\boxed/);
    expect(mathGoldAnswer(row('so $\\boxed{ 5 }$.'))).toBe('5');
  });
});
