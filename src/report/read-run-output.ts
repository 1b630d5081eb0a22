import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { EvaluationResultSchema, type EvaluationResult } from '../core/config/schema.js';
import { ConfigError } from '../core/errors.js';
import type { SampleCounts } from '../core/results/run-summary.js';
import { readSampleLog, type SampleRecord } from '../core/results/sample-log.js';

/** What results.yml `evalforge` says about a run; any field may be missing (NeMo's own results.yml has no `evalforge`). */
export interface RunFacts {
  version?: string;
  task?: { name?: string; harness?: string; version?: string };
  generation?: { model?: string; endpoint_type?: string };
  interceptors?: Record<string, Record<string, unknown>>;
  samples?: Partial<SampleCounts>;
  started_at?: string;
  runtime_seconds?: number;
}

/** One finished run as its output dir holds it. */
export interface RunOutput {
  /** The output dir, absolute. */
  dir: string;
  /** results.yml `results`. */
  results: EvaluationResult;
  facts: RunFacts;
  /** results.yml `framework_name`. */
  framework?: string;
  /** One record per sample id (see latestRecords), in dataset order (`index`, then `id`). */
  samples: SampleRecord[];
}

/**
 * The record that stands for each sample id: samples.jsonl can hold several per id (a sample that
 * failed is sent again on a rerun and appended), and the run scored the last successful one, so a
 * record without `error` replaces any earlier record and an error record replaces only an error.
 */
export function latestRecords(records: Iterable<SampleRecord>): SampleRecord[] {
  const byId = new Map<string, SampleRecord>();
  for (const record of records) {
    const earlier = byId.get(record.id);
    if (!earlier || earlier.error || record.error === undefined) byId.set(record.id, record);
  }
  return [...byId.values()].sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const FIX = 'pass the output_dir of a finished run: it holds results.yml (and samples.jsonl)';

/**
 * Reads `<dir>/results.yml` and, when present, `<dir>/samples.jsonl` (a truncated last line is
 * skipped, as resuming does). Throws a ConfigError naming the file when results.yml is missing or
 * has no valid `results` section.
 */
export async function readRunOutput(dir: string): Promise<RunOutput> {
  const absolute = resolve(dir);
  const resultsPath = join(absolute, 'results.yml');
  if (!existsSync(resultsPath)) throw new ConfigError('output_dir', `${absolute} has no results.yml`, FIX);
  let document: unknown;
  try {
    document = parseYaml(await readFile(resultsPath, 'utf8'));
  } catch (error) {
    throw new ConfigError('output_dir', `${resultsPath} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, FIX);
  }
  const { results, evalforge, framework_name } = (document ?? {}) as { results?: unknown; evalforge?: unknown; framework_name?: unknown };
  const parsed = EvaluationResultSchema.safeParse(results);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `results.${issue.path.join('.')}` : 'results';
    throw new ConfigError('output_dir', `${resultsPath} has no valid results section (${where}: ${issue?.message ?? 'invalid'})`, FIX);
  }
  const samplesPath = join(absolute, 'samples.jsonl');
  const samples = existsSync(samplesPath) ? await collect(readSampleLog(samplesPath)) : [];
  return {
    dir: absolute,
    results: parsed.data,
    facts: typeof evalforge === 'object' && evalforge !== null ? (evalforge as RunFacts) : {},
    ...(typeof framework_name === 'string' ? { framework: framework_name } : {}),
    samples: latestRecords(samples),
  };
}

async function collect(records: AsyncIterable<SampleRecord>): Promise<SampleRecord[]> {
  const all: SampleRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}
