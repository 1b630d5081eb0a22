import { existsSync } from 'node:fs';
import { copyFile, link, open, readFile, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { writeRunReport, RUN_REPORT_FILE } from '../../report/write-run-report.js';
import { EVALFORGE_VERSION } from '../../version.js';
import type { EvaluationResult } from '../config/schema.js';
import { withCustomTasks } from '../custom-task/with-custom-tasks.js';
import { canonicalJson } from '../datasets/canonical-json.js';
import { createDatasetReader } from '../datasets/create-dataset-reader.js';
import type { DatasetReader } from '../datasets/dataset-reader.js';
import { createDefaultRegistry } from '../default-registry.js';
import { ConfigError } from '../errors.js';
import type { TaskRegistry } from '../registry.js';
import { MetricAccumulator } from '../results/metric-accumulator.js';
import { writeYamlFile } from '../results/results-files.js';
import { updateRunFingerprint } from '../results/run-fingerprint.js';
import { readSampleLog, type SampleRecord } from '../results/sample-log.js';
import { docOfSample, readRunDocs, recordedPromptHash } from './run-docs.js';
import { resolveRecordedRun } from './recorded-run.js';
import { createSampleRescorer } from './sample-rescorer.js';
import { reportedChanges, ScoreChanges, type MetricChange, type ReportedChange } from './score-changes.js';

export interface RescoreOptions {
  /** Tasks to resolve the run's task against; defaults to every built-in task. */
  registry?: TaskRegistry;
  /** Custom task YAML files, for a run of a custom task (`custom.<name>`). */
  customTasks?: readonly string[];
  /** Where the run's dataset is read from; defaults to EVALFORGE_DATA_DIR, the cache, then the hub. */
  data?: DatasetReader;
  /** Compute and report, but write nothing. */
  dryRun?: boolean;
  /** Samples scored at once (matters for code tasks, which run programs); default: the CPUs. */
  concurrency?: number;
}

/** Samples whose recorded score stands, by reason. */
export interface KeptSamples {
  reason: string;
  ids: string[];
}

export interface RescoreResult {
  /** The output dir, absolute. */
  dir: string;
  /** The task, as defined now, and the version the samples were scored with (results.yml), if known. */
  task: { name: string; harness: string; version: string; recordedVersion?: string };
  samples: {
    /** Scored samples (the ones results count). */
    scored: number;
    /** Of those, scored again with the current scorers. */
    rescored: number;
    /** Of those, with any score, extraction or detail different from before. */
    changed: number;
    /** Scored samples whose recorded score was kept (see `kept`). */
    kept: number;
    /** Lines recorded as failed requests: left as they are (a rerun sends those samples again). */
    errors: number;
  };
  kept: KeptSamples[];
  /** Ids whose prompt the current task builds differently from the recorded one (their responses answer the old prompt). */
  promptChanged: string[];
  /** Each per-sample metric key: mean before and after, and the samples that moved. */
  metrics: MetricChange[];
  /** Every reported score before and after. */
  reported: ReportedChange[];
  /** The new `results`. */
  result: EvaluationResult;
  /** Files written (empty for a dry run): samples.jsonl, results.yml, their `.bak` copies, … */
  written: string[];
}

/** A scored sample as the new results count it. */
interface Counted {
  position: number;
  subsets: readonly string[] | undefined;
  before: Record<string, number>;
  after: Record<string, number>;
}

/** One samples.jsonl line scored again: `counted` for a scored sample (absent for an error line). */
interface Processed {
  record: SampleRecord;
  updated: SampleRecord;
  /** Why the recorded score stands, when it does. */
  kept?: string;
  promptChanged?: boolean;
  counted?: Counted;
}

async function readYamlObject(path: string): Promise<Record<string, any> | undefined> {
  if (!existsSync(path)) return undefined;
  const parsed = parseYaml(await readFile(path, 'utf8')) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, any>) : undefined;
}

/** Keeps `path` as `<path>.bak` (a hard link where the file system allows, else a copy). */
async function backUp(path: string): Promise<string> {
  const backup = `${path}.bak`;
  await rm(backup, { force: true });
  try {
    await link(path, backup);
  } catch {
    await copyFile(path, backup);
  }
  return backup;
}

/**
 * Scores a finished run's samples again with the current task definition, without calling any
 * model: the task comes from run_config.yml through the registry, each sample's doc is read again
 * from the dataset by id (ids are deterministic), and `createSampleRescorer` decides how each
 * sample is scored (pure scorer; code re-run in the sandbox; a judge's recorded reply re-read).
 * Then it writes, unless `dryRun`: samples.jsonl (each scored line with its new `extracted`,
 * `scores`, `details` and `target`; error lines and line order unchanged) and results.yml (new
 * `results`, `evalforge.task` and `evalforge.scoring`, plus `evalforge.rescored`), each through a
 * temp file and a rename, after keeping the previous files as `samples.jsonl.bak` and
 * `results.yml.bak`; report.html is rewritten when the dir has one; and, when every prompt is as
 * the task builds it now, the resume fingerprint takes the current task version. See docs/rescore.md.
 */
export async function rescoreRun(outputDir: string, options: RescoreOptions = {}): Promise<RescoreResult> {
  const dir = resolve(outputDir);
  const registry = await withCustomTasks(options.registry ?? createDefaultRegistry(), options.customTasks ?? []);
  const run = await resolveRecordedRun(dir, registry);
  const { task, config } = run;
  const samplesPath = join(dir, 'samples.jsonl');
  if (!existsSync(samplesPath)) throw new ConfigError('output_dir', `${dir} has no samples.jsonl`, 'rescore the output_dir of a run that has scored samples');
  const resultsPath = join(dir, 'results.yml');
  const previousResults = await readYamlObject(resultsPath);
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ConfigError('concurrency', `expected a positive integer, got ${concurrency}`);

  const repeats = task.samplesPerDoc !== undefined;
  const samplesOfDoc = task.samplesPerDoc?.(config.params) ?? 1;
  const wanted = new Set<string>();
  for await (const record of readSampleLog(samplesPath)) if (!record.error) wanted.add(docOfSample(record.id, repeats).docId);
  const docs = await readRunDocs(run, options.data ?? createDatasetReader(), wanted);

  const rescorer = await createSampleRescorer(run);
  const counted = new Map<string, Counted>();
  const kept = new Map<string, string[]>();
  const promptChanged: string[] = [];
  let errors = 0;
  let rescored = 0;
  let changed = 0;

  /** Scores one line again (concurrently with others); `tally` then counts it, in file order. */
  async function rescoreRecord(record: SampleRecord): Promise<Processed> {
    if (record.error) return { record, updated: record };
    const { docId, repeat } = docOfSample(record.id, repeats);
    const doc = docs.get(docId);
    if (!doc) throw new Error(`rescore: doc ${docId} was read but not kept`);
    const counted = (after: Record<string, number>): Counted => ({ position: doc.index * samplesOfDoc + repeat, subsets: doc.item.subsets, before: record.scores, after });
    const promptChanged = recordedPromptHash(record) !== doc.promptHash;
    const outcome = await rescorer.rescore(record, doc.item.doc);
    if ('kept' in outcome) return { record, updated: record, kept: outcome.kept, promptChanged, counted: counted(record.scores) };
    // Spread first so the line keeps its field order.
    const updated: SampleRecord = { ...record, target: task.target(doc.item.doc), extracted: outcome.rescored.extracted, scores: outcome.rescored.scores };
    if (outcome.rescored.details) updated.details = outcome.rescored.details;
    else delete updated.details;
    return { record, updated, promptChanged, counted: counted(updated.scores) };
  }

  function tally(processed: Processed): void {
    const { record, updated } = processed;
    if (!processed.counted) {
      errors++;
      return;
    }
    if (processed.promptChanged) promptChanged.push(record.id);
    if (processed.kept !== undefined) {
      const ids = kept.get(processed.kept) ?? [];
      if (ids.length === 0) kept.set(processed.kept, ids);
      ids.push(record.id);
    } else {
      rescored++;
      if (canonicalJson(record) !== canonicalJson(updated)) changed++;
    }
    // A later line for the same id wins, as when a run resumes.
    counted.delete(record.id);
    counted.set(record.id, processed.counted);
  }

  const tmpPath = `${samplesPath}.rescore-${process.pid}`;
  const out = await open(tmpPath, 'w');
  const window: Array<Promise<Processed>> = [];
  try {
    let buffered = '';
    const flush = async (force: boolean) => {
      if (buffered.length > (force ? 0 : 1 << 20)) {
        await out.write(buffered);
        buffered = '';
      }
    };
    const take = async () => {
      const processed = (await window.shift()) as Processed;
      tally(processed);
      buffered += `${JSON.stringify(processed.updated)}\n`;
      await flush(false);
    };
    for await (const record of readSampleLog(samplesPath)) {
      const pending = rescoreRecord(record);
      // Awaited in order by `take`; this only keeps a failure that lands first from counting as unhandled.
      pending.catch(() => {});
      window.push(pending);
      if (window.length >= concurrency) await take();
    }
    while (window.length > 0) await take();
    await flush(true);
  } catch (error) {
    await Promise.allSettled(window);
    await Promise.allSettled([out.close(), rm(tmpPath, { force: true })]);
    await rescorer.close();
    throw error;
  }
  await out.close();
  const scoring = rescorer.describe();
  await rescorer.close();

  const accumulator = new MetricAccumulator(task.sampleValueKeys);
  const changes = new ScoreChanges();
  for (const [id, sample] of counted) {
    accumulator.add(sample.after, sample.subsets, sample.position);
    changes.add(id, sample.before, sample.after);
  }
  const result = task.report(accumulator.snapshot());
  const recordedVersion = previousResults?.evalforge?.task?.version;
  const keptCount = [...kept.values()].reduce((sum, ids) => sum + ids.length, 0);
  const outcome: RescoreResult = {
    dir,
    task: { name: task.name, harness: run.harness.name, version: task.version, ...(typeof recordedVersion === 'string' ? { recordedVersion } : {}) },
    samples: { scored: counted.size, rescored, changed, kept: keptCount, errors },
    kept: [...kept].map(([reason, ids]) => ({ reason, ids })),
    promptChanged,
    metrics: changes.list(),
    reported: reportedChanges(previousResults?.results as EvaluationResult | undefined, result),
    result,
    written: [],
  };
  if (options.dryRun) {
    await rm(tmpPath, { force: true });
    return outcome;
  }

  outcome.written.push(await backUp(samplesPath));
  await rename(tmpPath, samplesPath);
  outcome.written.push(samplesPath);
  // A run that never finished has no results.yml: start one from its run_config.yml.
  const document = previousResults ?? (await readYamlObject(join(dir, 'run_config.yml'))) ?? {};
  if (previousResults) outcome.written.push(await backUp(resultsPath));
  await writeYamlFile(dir, 'results.yml', {
    ...document,
    results: result,
    evalforge: {
      ...(document.evalforge ?? {}),
      task: { name: task.name, harness: run.harness.name, version: task.version, reference: task.reference },
      ...(scoring ? { scoring } : {}),
      rescored: {
        at: new Date().toISOString(),
        version: EVALFORGE_VERSION,
        ...(typeof recordedVersion === 'string' ? { from_task_version: recordedVersion } : {}),
        samples: { rescored, changed, kept: keptCount },
      },
    },
  });
  outcome.written.push(resultsPath);
  if (promptChanged.length === 0) await updateRunFingerprint(dir, { task_version: task.version });
  const reportPath = join(dir, RUN_REPORT_FILE);
  if (existsSync(reportPath)) {
    await writeRunReport(dir);
    outcome.written.push(reportPath);
  }
  return outcome;
}
