import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every record of `<dir>/samples.jsonl`, in file order. */
export async function readSamples(dir: string): Promise<any[]> {
  return (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
}
