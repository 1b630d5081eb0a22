import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every regular file below `dir`, recursively (for tests that inspect all a run wrote). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
