import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { hubCachePath } from '../../../src/core/datasets/cache-paths.js';
import { TRUTHFULQA_MC_FILE } from '../../../src/harnesses/lm-eval/truthfulqa-data.js';

/** A hand-made fixture under test/fixtures/truthfulqa/. */
export const truthfulqaFixture = (name: string) => new URL(`../../fixtures/truthfulqa/${name}`, import.meta.url).pathname;

/** One question of the `mc_task.json` fixture (none of its answers looks like an integer, so JSON.parse keeps their order). */
interface McTaskRow {
  question: string;
  mc1_targets: Record<string, number>;
  mc2_targets: Record<string, number>;
}

/** An optional `list<element>` column of parquet's three-level LIST layout, as pyarrow writes it. */
function listSchema(name: string, element: SchemaElement): SchemaElement[] {
  return [
    { name, repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST' },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    { ...element, name: 'element', repetition_type: 'OPTIONAL' },
  ];
}

function targetsSchema(name: string): SchemaElement[] {
  return [
    { name, repetition_type: 'OPTIONAL', num_children: 2 },
    ...listSchema('choices', { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8' }),
    ...listSchema('labels', { name: 'element', type: 'INT32' }),
  ];
}

/** A schema element as hyparquet-writer types it (it depends on its own copy of hyparquet). */
type SchemaElement = NonNullable<Parameters<typeof parquetWriteFile>[0]['schema']>[number];

const asTargets = (answers: Record<string, number>) => ({ choices: Object.keys(answers), labels: Object.values(answers) });

/**
 * Writes `mc_task.json`'s questions as the hub's `multiple_choice/validation` parquet (question;
 * mc1_targets and mc2_targets structs of `choices` and int32 `labels` lists) where the reader caches
 * it under `cacheDir`.
 */
export async function cacheTruthfulqaHubFixture(cacheDir: string): Promise<void> {
  const rows = JSON.parse(await readFile(truthfulqaFixture('mc_task.json'), 'utf8')) as McTaskRow[];
  const cached = hubCachePath(cacheDir, TRUTHFULQA_MC_FILE.hub);
  await mkdir(dirname(cached), { recursive: true });
  parquetWriteFile({
    filename: cached,
    schema: [
      { name: 'root', num_children: 3 },
      { name: 'question', repetition_type: 'OPTIONAL', type: 'BYTE_ARRAY', converted_type: 'UTF8' },
      ...targetsSchema('mc1_targets'),
      ...targetsSchema('mc2_targets'),
    ],
    columnData: [
      { name: 'question', data: rows.map((r) => r.question) },
      { name: 'mc1_targets', data: rows.map((r) => asTargets(r.mc1_targets)) },
      { name: 'mc2_targets', data: rows.map((r) => asTargets(r.mc2_targets)) },
    ],
  });
}

/** Puts fixture `name` where a data dir holds the Sep 2021 `mc_task.json`. */
export async function placeLocalMcTask(dataDir: string, name: string): Promise<void> {
  const path = join(dataDir, TRUTHFULQA_MC_FILE.local.path);
  await mkdir(dirname(path), { recursive: true });
  await copyFile(truthfulqaFixture(name), path);
}
