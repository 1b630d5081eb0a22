import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { gpqaFile, readGpqaRecords } from '../../../src/harnesses/simple-evals/gpqa-data.js';
import type { GpqaSubset } from '../../../src/harnesses/simple-evals/gpqa-data.js';

// Digests from a throwaway python3 script reading the same zip members with csv.DictReader:
// sha256 over the rows joined by NUL, each row's five fields joined by \x01. No GPQA text here.
const EXPECTED: Record<GpqaSubset, { rows: number; sha256: string }> = {
  diamond: { rows: 198, sha256: 'c95a10c6d3481a64fd510b70b979c8e2a61a1b8d6779020005a6381054f43ff1' },
  main: { rows: 448, sha256: 'b4ee142e5a190be202623e113c67072efa49d00a0ae6b27677637d3f669ab954' },
  extended: { rows: 546, sha256: '2c94046b936e28251791a8bab898dfbf79582a3228470c3015ffc2c74e554b2d' },
};

/** The strings pandas `read_csv` turns into NaN by default. */
const PANDAS_NA = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']);

describe('GPQA data', () => {
  it('reads each set from the zip in memory exactly as Python csv does, with nothing pandas would read as NaN', async () => {
    const data = createDatasetReader();
    for (const [subset, expected] of Object.entries(EXPECTED) as [GpqaSubset, (typeof EXPECTED)[GpqaSubset]][]) {
      const records = await readGpqaRecords(data, subset);
      const fields = records.map((r) => [r.question, r.correct, ...r.incorrect]);
      expect(records, subset).toHaveLength(expected.rows);
      expect(createHash('sha256').update(fields.map((f) => f.join('\x01')).join('\0')).digest('hex'), subset).toBe(expected.sha256);
      expect(fields.flat().filter((value) => PANDAS_NA.has(value)), subset).toEqual([]);
    }
    expect(data.provenance().map((p) => [p.source, p.readFrom.replace(/^.*\/gpqa\//, '')])).toEqual([
      ['hub:Idavidrein/gpqa@main/gpqa_diamond.csv', 'dataset.zip!/dataset/gpqa_diamond.csv'],
      ['hub:Idavidrein/gpqa@main/gpqa_main.csv', 'dataset.zip!/dataset/gpqa_main.csv'],
      ['hub:Idavidrein/gpqa@main/gpqa_extended.csv', 'dataset.zip!/dataset/gpqa_extended.csv'],
    ]);
  });

  it('names the official zip member locally and the uncached gated CSV on the hub', () => {
    const file = gpqaFile('main');
    expect(file.local).toMatchObject({ path: 'gpqa/dataset.zip', format: 'csv', zip: { member: 'dataset/gpqa_main.csv', password: 'deserted-untie-orchid' } });
    expect(file.hub).toMatchObject({ repo: 'Idavidrein/gpqa', revision: 'main', path: 'gpqa_main.csv', format: 'csv', cache: false });
  });
});
