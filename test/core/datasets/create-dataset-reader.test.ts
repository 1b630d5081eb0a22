import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetFile, DatasetReader, DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { openDescriptorsFor } from './open-file-descriptors.js';

const dataDir = process.env.EVALFORGE_DATA_DIR!;
const MMLU_COLUMNS = ['question', 'A', 'B', 'C', 'D', 'answer'] as const;

function localFile(name: string, local: DatasetFile['local']): DatasetFile {
  return { name, local, hub: { repo: 'evalforge-test/none', revision: 'r0', path: local.path, format: local.format } };
}

async function readAll(reader: DatasetReader, file: DatasetFile): Promise<DatasetRow[]> {
  const rows: DatasetRow[] = [];
  for await (const row of reader.rows(file)) rows.push(row);
  return rows;
}

async function readError(reader: DatasetReader, file: DatasetFile): Promise<DatasetError> {
  try {
    await readAll(reader, file);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

let scratch: string;
let emptyCache: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-datasets-'));
  emptyCache = join(scratch, 'cache');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const offlineReader = () => createDatasetReader({ cacheDir: emptyCache, offline: true });

// The expected hashes were computed independently in Python:
// sha256("\n".join(json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False))).
describe('createDatasetReader on local files', () => {
  it('streams gsm8k test.jsonl from EVALFORGE_DATA_DIR and records provenance', async () => {
    const reader = offlineReader();
    const file = localFile('gsm8k/test', { path: 'gsm8k/test.jsonl', format: 'jsonl' });
    const rows = await readAll(reader, file);
    expect(rows).toHaveLength(1319);
    expect(rows[0]!.rowNumber).toBe(1);
    expect(rows[0]!.location).toBe(join(dataDir, 'gsm8k/test.jsonl'));
    expect(rows[0]!.row.question).toMatch(/^Janet’s ducks lay 16 eggs per day\./);
    expect(rows[0]!.row.answer).toMatch(/\n#### 18$/);
    expect(reader.provenance()).toEqual([
      {
        name: 'gsm8k/test',
        source: 'hub:evalforge-test/none@r0/gsm8k/test.jsonl',
        readFrom: join(dataDir, 'gsm8k/test.jsonl'),
        rows: 1319,
        sha256: 'ac313242fd25bcce0152c9ce0f1db012a3b52b37b1d70dc0c5650b2ea835f5fd',
      },
    ]);
  });

  it('reads a header-less MMLU csv whose quoted fields hold newlines', async () => {
    const reader = offlineReader();
    const file = localFile('mmlu/college_biology', { path: 'mmlu/test/college_biology_test.csv', format: 'csv', csvColumns: MMLU_COLUMNS });
    const rows = await readAll(reader, file);
    expect(rows).toHaveLength(144);
    expect(rows[13]!.row).toEqual({
      question: 'A cell nucleus contains which of the following?\nI. DNA\nII. Protein\nIII. RNA',
      A: 'I only',
      B: 'II only',
      C: 'III only',
      D: 'I, II, and III',
      answer: 'D',
    });
    expect(rows[13]!.rowNumber).toBe(14);
    expect(reader.provenance()[0]!.sha256).toBe('29edeb703322a4f4a54b2ec0f598b38aaf6925c42472c0f0899145c9bfef0341');
  });

  it('gunzips HumanEval.jsonl.gz on the fly', async () => {
    const reader = offlineReader();
    const rows = await readAll(reader, localFile('humaneval', { path: 'humaneval/HumanEval.jsonl.gz', format: 'jsonl' }));
    expect(rows).toHaveLength(164);
    expect(rows[0]!.row.task_id).toBe('HumanEval/0');
    expect(Object.keys(rows[0]!.row).sort()).toEqual(['canonical_solution', 'entry_point', 'prompt', 'task_id', 'test']);
    expect(reader.provenance()[0]!.sha256).toBe('e0b641cfb16fa09b23a1bdb2b101ce30b0af0c9a7d1c7b752d125a1709ca0598');
  });

  it('reads the sanitized MBPP top-level JSON array and applies normalize', async () => {
    const reader = offlineReader();
    const file = localFile('mbpp/sanitized', {
      path: 'mbpp/sanitized-mbpp.json',
      format: 'json',
      normalize: (raw) => ({ id: raw.task_id, text: raw.prompt }),
    });
    const rows = await readAll(reader, file);
    expect(rows).toHaveLength(427);
    expect(rows[0]!.row).toEqual({ id: 2, text: 'Write a function to find the shared elements from the given two lists.' });
    expect(rows.at(-1)!.row.id).toBe(809);
  });

  it('reads a parquet file row group by row group', async () => {
    const path = join(scratch, 'small.parquet');
    parquetWriteFile({
      filename: path,
      rowGroupSize: 2,
      columnData: [
        { name: 'question', data: ['one?', 'two?', 'three?', 'four?', 'five?'], type: 'STRING' },
        { name: 'label', data: [0, 1, 2, 3, 0], type: 'INT32' },
        { name: 'id', data: [10n, 20n, 30n, 40n, 9007199254740993n], type: 'INT64' },
      ],
    });
    const reader = createDatasetReader({ dataDir: scratch, cacheDir: emptyCache, offline: true });
    const rows = await readAll(reader, localFile('small', { path: 'small.parquet', format: 'parquet' }));
    expect(rows.map((r) => r.row)).toEqual([
      { question: 'one?', label: 0, id: 10 },
      { question: 'two?', label: 1, id: 20 },
      { question: 'three?', label: 2, id: 30 },
      { question: 'four?', label: 3, id: 40 },
      { question: 'five?', label: 0, id: 9007199254740993n },
    ]);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(reader.provenance()[0]!.rows).toBe(5);
  });

  it.each([
    ['jsonl', localFile('gsm8k/train', { path: 'gsm8k/train.jsonl', format: 'jsonl' })],
    ['csv', localFile('mmlu/prof_law', { path: 'mmlu/test/professional_law_test.csv', format: 'csv', csvColumns: MMLU_COLUMNS })],
    ['json', localFile('mbpp/sanitized', { path: 'mbpp/sanitized-mbpp.json', format: 'json' })],
  ])('closes the %s file when the consumer breaks out early', async (_format, file) => {
    const path = join(dataDir, file.local.path);
    const reader = offlineReader();
    let seen = 0;
    for await (const row of reader.rows(file)) {
      expect(row.rowNumber).toBe(seen + 1);
      expect(openDescriptorsFor(path)).toBe(1);
      if (++seen === 3) break;
    }
    expect(openDescriptorsFor(path)).toBe(0);
    expect(reader.provenance()[0]!.rows).toBe(3);
  });

  it('closes a jsonl.gz file when the consumer breaks out early', async () => {
    // HumanEval.jsonl.gz fits in one read and is closed at EOF before the first row is parsed, so a
    // multi-megabyte gzip is made here to check the descriptor stays open while rows are read.
    const path = join(scratch, 'big.jsonl.gz');
    writeFileSync(path, gzipSync(readFileSync(join(dataDir, 'gsm8k/train.jsonl'))));
    const reader = createDatasetReader({ dataDir: scratch, cacheDir: emptyCache, offline: true });
    let seen = 0;
    for await (const row of reader.rows(localFile('big', { path: 'big.jsonl.gz', format: 'jsonl' }))) {
      expect(row.rowNumber).toBe(seen + 1);
      expect(openDescriptorsFor(path)).toBe(1);
      if (++seen === 3) break;
    }
    expect(openDescriptorsFor(path)).toBe(0);
    expect(reader.provenance()[0]!.rows).toBe(3);
  });

  it('closes a parquet file when the consumer breaks out early', async () => {
    const path = join(scratch, 'break.parquet');
    parquetWriteFile({ filename: path, rowGroupSize: 1, columnData: [{ name: 'n', data: [1, 2, 3], type: 'INT32' }] });
    const reader = createDatasetReader({ dataDir: scratch, cacheDir: emptyCache, offline: true });
    for await (const row of reader.rows(localFile('break', { path: 'break.parquet', format: 'parquet' }))) {
      expect(row.row).toEqual({ n: 1 });
      expect(openDescriptorsFor(path)).toBe(1);
      break;
    }
    expect(openDescriptorsFor(path)).toBe(0);
  });

  it('names the file and row of a malformed jsonl line', async () => {
    await writeFile(join(scratch, 'bad.jsonl'), '{"a": 1}\n\n{"a": 2}\n{"a": 3,\n{"a": 4}\n');
    const reader = createDatasetReader({ dataDir: scratch, cacheDir: emptyCache, offline: true });
    const file = localFile('bad', { path: 'bad.jsonl', format: 'jsonl' });
    const error = await readError(reader, file);
    expect(error.message).toContain(`${join(scratch, 'bad.jsonl')}, row 3 (line 4): not valid JSON`);
    expect(error.location).toBe(join(scratch, 'bad.jsonl'));
    expect(error.row).toBe(3);
    expect(openDescriptorsFor(join(scratch, 'bad.jsonl'))).toBe(0);
  });

  it('names the file and row of a csv row with the wrong number of fields', async () => {
    await writeFile(join(scratch, 'short.csv'), 'q1,a,b,c,d,A\n"q2\nspans lines",a,b,c,d\n');
    const reader = createDatasetReader({ dataDir: scratch, cacheDir: emptyCache, offline: true });
    const error = await readError(reader, localFile('short', { path: 'short.csv', format: 'csv', csvColumns: MMLU_COLUMNS }));
    expect(error.message).toContain(`${join(scratch, 'short.csv')}, row 2`);
    expect(error.row).toBe(2);
  });

  it('names EVALFORGE_DATA_DIR, the cache and the hub URL when a file is missing everywhere', async () => {
    const reader = offlineReader();
    const file: DatasetFile = {
      name: 'missing/test',
      local: { path: 'missing/test.jsonl', format: 'jsonl' },
      hub: { repo: 'org/missing', revision: 'abc123', path: 'data/test.parquet', format: 'parquet' },
    };
    const error = await readError(reader, file);
    expect(error.message).toContain(join(dataDir, 'missing/test.jsonl'));
    expect(error.message).toContain(join(emptyCache, 'datasets/org/missing/abc123/data/test.parquet'));
    expect(error.message).toContain('https://huggingface.co/datasets/org/missing/resolve/abc123/data/test.parquet');
    expect(error.message).toContain('offline');
    expect(error.message).toContain('set EVALFORGE_DATA_DIR');
    expect(reader.provenance()).toEqual([]);
  });

  it('keeps one provenance entry per file: the read with the most rows', async () => {
    const reader = offlineReader();
    const file = localFile('gsm8k/test', { path: 'gsm8k/test.jsonl', format: 'jsonl' });
    for await (const _ of reader.rows(file)) break;
    await readAll(reader, file);
    for await (const _ of reader.rows(file)) break;
    const entries = reader.provenance();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.rows).toBe(1319);
    expect(entries[0]!.sha256).toBe('ac313242fd25bcce0152c9ce0f1db012a3b52b37b1d70dc0c5650b2ea835f5fd');
  });
});
