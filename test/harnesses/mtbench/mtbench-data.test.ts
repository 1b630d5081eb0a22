import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { mtbenchDocs } from '../../../src/harnesses/mtbench/mtbench-data.js';

async function collect(dataDir: string | undefined) {
  const docs = [];
  for await (const doc of mtbenchDocs(createDatasetReader({ dataDir, offline: true }))) docs.push(doc);
  return docs;
}

describe('mtbenchDocs', () => {
  it('reads the 80 questions of the shared data, with gpt-4 references for math, reasoning and coding', async () => {
    const docs = await collect(process.env.EVALFORGE_DATA_DIR);
    expect(docs).toHaveLength(80);
    expect(docs.map((d) => d.id)).toEqual(Array.from({ length: 80 }, (_, i) => String(81 + i)));
    const categories = new Map<string, number>();
    for (const { doc, subsets } of docs) {
      expect(subsets).toEqual([doc.category]);
      categories.set(doc.category, (categories.get(doc.category) ?? 0) + 1);
      expect(doc.reference !== undefined).toBe(['math', 'reasoning', 'coding'].includes(doc.category));
    }
    expect([...categories]).toEqual(['writing', 'roleplay', 'reasoning', 'math', 'coding', 'extraction', 'stem', 'humanities'].map((c) => [c, 10]));
    const q111 = docs.find((d) => d.id === '111')?.doc;
    expect(q111?.turns[1]).toBe("What's area of the circle circumscribing the triangle?");
    // The gpt-4 reference, not the question's own `reference` field (which FastChat never reads).
    expect(q111?.reference?.[0]).toMatch(/^To find the area of the triangle/);
  });

  it('says where to put the files when EVALFORGE_DATA_DIR lacks them', async () => {
    const run = collect(await mkdtemp(join(tmpdir(), 'evalforge-mtbench-')));
    await expect(run).rejects.toThrow(DatasetError);
    await expect(run).rejects.toThrow(/mt_bench\/reference_answer\/gpt-4\.jsonl not found under EVALFORGE_DATA_DIR[\s\S]*Fix: set EVALFORGE_DATA_DIR/);
  });

  it('refuses a math question without a reference answer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-mtbench-'));
    await mkdir(join(dir, 'mt_bench', 'reference_answer'), { recursive: true });
    await writeFile(join(dir, 'mt_bench', 'question.jsonl'), '{"question_id": 111, "category": "math", "turns": ["a", "b"]}\n');
    await writeFile(join(dir, 'mt_bench', 'reference_answer', 'gpt-4.jsonl'), '');
    await expect(collect(dir)).rejects.toThrow(/row 1: question 111 \(math\) has no reference answer/);
  });
});
