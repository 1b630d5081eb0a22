import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { hubCachePath } from '../../../src/core/datasets/cache-paths.js';
import { aime2025File, AIMO_VALIDATION_AIME } from '../../../src/harnesses/simple-evals/math-aime-data.js';

const fixture = (name: string) => new URL(`../../fixtures/math/${name}`, import.meta.url).pathname;

/** A row in `AI-MO/aimo-validation-aime`'s layout. */
export interface AimoRow {
  id: number;
  problem: string;
  solution: string;
  answer: string;
  url: string;
}

/** Writes the hand-made AIME fixtures into `cacheDir` where the hub copies would be cached. */
export async function cacheAimeFixtures(cacheDir: string, aimoRows?: AimoRow[]): Promise<void> {
  for (const part of ['I', 'II'] as const) {
    const cached = hubCachePath(cacheDir, aime2025File(part).hub);
    await mkdir(dirname(cached), { recursive: true });
    await copyFile(fixture(`aime2025-${part}.jsonl`), cached);
  }
  const rows: AimoRow[] = aimoRows ?? JSON.parse(await readFile(fixture('aimo-validation-aime.json'), 'utf8'));
  const cached = hubCachePath(cacheDir, AIMO_VALIDATION_AIME.hub);
  await mkdir(dirname(cached), { recursive: true });
  parquetWriteFile({
    filename: cached,
    columnData: [
      { name: 'id', data: rows.map((r) => BigInt(r.id)), type: 'INT64' },
      ...(['problem', 'solution', 'answer', 'url'] as const).map((name) => ({ name, data: rows.map((r) => r[name]), type: 'STRING' as const })),
    ],
  });
}
