import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** YAML as NeMo writes it (PyYAML `yaml.dump`): mapping keys sorted alphabetically. */
export function toNemoYaml(value: unknown): string {
  return stringify(value, { sortMapEntries: true, lineWidth: 0, aliasDuplicateObjects: false });
}

/** Writes `<outputDir>/<name>` atomically (temp file + rename), so a crash never leaves half a file. */
export async function writeYamlFile(outputDir: string, name: string, value: unknown): Promise<string> {
  const path = join(outputDir, name);
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, toNemoYaml(value));
  await rename(tmp, path);
  return path;
}
