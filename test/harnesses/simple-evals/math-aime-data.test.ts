import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import type { TaskDoc } from '../../../src/core/task.js';
import { aime2024Docs, aime2025Docs } from '../../../src/harnesses/simple-evals/math-aime-data.js';
import type { MathDoc } from '../../../src/harnesses/simple-evals/math-data.js';
import { type AimoRow, cacheAimeFixtures } from './math-aime-fixtures.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-aime-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function hubReader(name: string, aimoRows?: AimoRow[]): Promise<DatasetReader> {
  const cacheDir = join(scratch, name);
  await cacheAimeFixtures(cacheDir, aimoRows);
  return createDatasetReader({ dataDir: join(scratch, 'empty'), cacheDir, offline: true });
}

async function collect(docs: AsyncIterable<TaskDoc<MathDoc>>): Promise<TaskDoc<MathDoc>[]> {
  const all: TaskDoc<MathDoc>[] = [];
  for await (const doc of docs) all.push(doc);
  return all;
}

describe('AIME 2024 docs', () => {
  it('keeps the rows whose url\'s first /YYYY_AIME is 2024, in file order', async () => {
    const reader = await hubReader('aime2024');
    expect(await collect(aime2024Docs(reader))).toEqual([
      { id: '0', doc: { question: 'Hand-made fixture 2024 I.1', answer: '204' } },
      { id: '1', doc: { question: 'Hand-made fixture 2024 II.15', answer: '721' } },
    ]);
    expect(reader.provenance()[0]).toMatchObject({ source: 'hub:AI-MO/aimo-validation-aime@main/data/train-00000-of-00001.parquet', rows: 4 });
  });

  it('fails as NVIDIA does when no 2024 problem is left', async () => {
    const reader = await hubReader('aime2024-none', [{ id: 0, problem: 'p', solution: 's', answer: '1', url: 'https://x/2022_AIME_I' }]);
    await expect(collect(aime2024Docs(reader))).rejects.toThrow(DatasetError);
  });
});

describe('AIME 2025 docs', () => {
  it('concatenates AIME2025-I and AIME2025-II, integer answers as decimal text', async () => {
    const reader = await hubReader('aime2025');
    const docs = await collect(aime2025Docs(reader));
    expect(docs.map((d) => [d.id, d.doc.answer])).toEqual([
      ['0', '70'],
      ['1', '24'],
      ['2', '24'],
    ]);
    expect(docs[1]!.doc.question).toBe('Hand-made fixture I.2: what is $2^{10} \\bmod 1000$? Use {braces} and 100%.');
    expect(reader.provenance().map((p) => p.source)).toEqual(['hub:opencompass/AIME2025@main/aime2025-I.jsonl', 'hub:opencompass/AIME2025@main/aime2025-II.jsonl']);
  });
});
