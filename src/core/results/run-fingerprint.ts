import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';

/** Settings that change what a sample's response means; samples from a run with others are not reused. */
export type RunFingerprint = Record<string, unknown>;

const FILE_NAME = '.evalforge-run.json';

/**
 * Resuming into an output dir is only safe if the samples there came from the same task version,
 * model and generation settings. Throws a ConfigError naming the first differing field otherwise.
 */
export async function checkRunFingerprint(outputDir: string, fingerprint: RunFingerprint, hasSamples: boolean): Promise<void> {
  const path = join(outputDir, FILE_NAME);
  let previous: RunFingerprint | undefined;
  try {
    previous = JSON.parse(await readFile(path, 'utf8')) as RunFingerprint;
  } catch {
    previous = undefined;
  }
  if (hasSamples && previous) {
    for (const key of new Set([...Object.keys(previous), ...Object.keys(fingerprint)])) {
      const before = JSON.stringify(previous[key]);
      const now = JSON.stringify(fingerprint[key]);
      if (before !== now) {
        throw new ConfigError(
          'config.output_dir',
          `${outputDir} holds samples from an earlier run whose ${key} was ${before}, not ${now}, so they cannot be resumed`,
          'use a new output_dir, or delete its samples.jsonl to start over',
        );
      }
    }
  }
  await writeFile(path, `${JSON.stringify(fingerprint, null, 2)}\n`);
}

/**
 * Sets `fields` in the output dir's fingerprint, if it has one (e.g. `task_version` after the
 * samples were rescored with the current task version, so a resume accepts them).
 */
export async function updateRunFingerprint(outputDir: string, fields: RunFingerprint): Promise<void> {
  const path = join(outputDir, FILE_NAME);
  let previous: RunFingerprint;
  try {
    previous = JSON.parse(await readFile(path, 'utf8')) as RunFingerprint;
  } catch {
    return;
  }
  await writeFile(path, `${JSON.stringify({ ...previous, ...fields }, null, 2)}\n`);
}
