import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { readSampleLog } from './sample-log.js';

/** A scored sample as the run's results count it. */
export interface FinishedSample {
  id: string;
  /** The doc's position in the run (samples.jsonl `index`). */
  index: number;
  scores: Record<string, number>;
}

/** The samples of one run's samples.jsonl. */
export interface FinishedSamples {
  /** Scored samples by id, in the order of their first line. */
  samples: Map<string, FinishedSample>;
  /** Ids recorded only as failed requests (a rerun would send them again), in file order. */
  errors: string[];
}

/**
 * Reads `<dir>/samples.jsonl` as resuming does: a sample counts when it has a line without `error`
 * (the last such line wins); ids with only error lines are listed apart; a truncated line is skipped.
 * A missing file is a ConfigError naming `field`.
 */
export async function readFinishedSamples(dir: string, field: string): Promise<FinishedSamples> {
  const path = join(dir, 'samples.jsonl');
  if (!existsSync(path)) throw new ConfigError(field, `${dir} has no samples.jsonl`, 'give the output_dir of an evalforge run that has scored samples');
  const samples = new Map<string, FinishedSample>();
  const failed = new Set<string>();
  for await (const record of readSampleLog(path)) {
    if (record.error) {
      failed.add(record.id);
      continue;
    }
    samples.set(record.id, { id: record.id, index: record.index, scores: record.scores });
  }
  return { samples, errors: [...failed].filter((id) => !samples.has(id)) };
}
