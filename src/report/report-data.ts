import { basename } from 'node:path';
import { EVALFORGE_VERSION } from '../version.js';
import { embedRecord, OUTCOME_CODES, type EmbeddedSample } from './embedded-sample.js';
import { sharedHistogram, type Histogram } from './histogram.js';
import type { ReportComparison } from './paired-comparison.js';
import type { RunOutput } from './read-run-output.js';
import { primaryScoreKey, sampleOutcome, type SampleOutcome } from './sample-outcome.js';
import { scoreRows, type ScoreRow } from './score-rows.js';

/** One run as the report page shows it. */
export interface ReportRun {
  /** `<task> · <model>`, made unique among the report's runs with the output dir's name. */
  label: string;
  dir: string;
  task: string;
  harness: string | null;
  model: string | null;
  endpointType: string | null;
  startedAt: string | null;
  runtimeSeconds: number | null;
  /** The score that files samples as correct (> 0) or incorrect; see primaryScoreKey. */
  primaryScore: string | null;
  outcomes: Record<SampleOutcome, number>;
  scores: ScoreRow[];
  /** results.yml `evalforge.interceptors.response_stats`, when the run had that interceptor. */
  responseStats: Record<string, unknown> | null;
}

/** Everything the page renders except the samples (which go in their own block). */
export interface ReportData {
  title: string;
  generatedAt: string;
  evalforgeVersion: string;
  runs: ReportRun[];
  /** Per-sample latency and token counts (samples without an error), binned across all runs. */
  histograms: { latencyMs?: Histogram; promptTokens?: Histogram; completionTokens?: Histogram };
  /** The paired comparison of exactly two runs of one task (runs[0] is A, runs[1] is B). */
  comparison?: ReportComparison;
}

export interface ReportContent {
  data: ReportData;
  samples: EmbeddedSample[];
}

export interface BuildReportOptions {
  title?: string;
  comparison?: ReportComparison;
  /** The report's timestamp (default now). */
  now?: Date;
}

function uniqueLabels(runs: readonly RunOutput[], tasks: readonly string[]): string[] {
  const base = runs.map((run, i) => `${tasks[i]} · ${run.facts.generation?.model ?? 'unknown model'}`);
  const labels = base.map((label, i) => (base.indexOf(label) !== base.lastIndexOf(label) ? `${label} (${basename(runs[i]!.dir)})` : label));
  return labels.map((label, i) => (labels.indexOf(label) !== i ? `${label} #${i + 1}` : label));
}

/** The page's data and embedded samples for runs read by readRunOutput, in the given order. */
export function buildReportContent(runs: readonly RunOutput[], options: BuildReportOptions = {}): ReportContent {
  const tasks = runs.map((run) => run.facts.task?.name ?? Object.keys(run.results.tasks)[0] ?? basename(run.dir));
  const labels = uniqueLabels(runs, tasks);
  const samples: EmbeddedSample[] = [];
  const latency: number[][] = [];
  const promptTokens: number[][] = [];
  const completionTokens: number[][] = [];
  const reportRuns = runs.map((run, index): ReportRun => {
    const primary = primaryScoreKey(run.samples);
    const outcomes: Record<SampleOutcome, number> = { correct: 0, incorrect: 0, error: 0 };
    const latencies: number[] = [];
    const prompts: number[] = [];
    const completions: number[] = [];
    for (const record of run.samples) {
      const outcome = sampleOutcome(record, primary);
      outcomes[outcome] += 1;
      samples.push([index, OUTCOME_CODES[outcome], embedRecord(record)]);
      if (outcome === 'error') continue;
      if (typeof record.latency_ms === 'number') latencies.push(record.latency_ms);
      if (record.usage) {
        prompts.push(record.usage.prompt_tokens);
        completions.push(record.usage.completion_tokens);
      }
    }
    latency.push(latencies);
    promptTokens.push(prompts);
    completionTokens.push(completions);
    const { facts } = run;
    return {
      label: labels[index]!,
      dir: run.dir,
      task: tasks[index]!,
      harness: facts.task?.harness ?? run.framework ?? null,
      model: facts.generation?.model ?? null,
      endpointType: facts.generation?.endpoint_type ?? null,
      startedAt: facts.started_at ?? null,
      runtimeSeconds: facts.runtime_seconds ?? null,
      primaryScore: primary ?? null,
      outcomes,
      scores: scoreRows(run.results),
      responseStats: facts.interceptors?.response_stats ?? null,
    };
  });
  const histograms: ReportData['histograms'] = {};
  const latencyMs = sharedHistogram(latency);
  if (latencyMs) histograms.latencyMs = latencyMs;
  const prompt = sharedHistogram(promptTokens);
  if (prompt) histograms.promptTokens = prompt;
  const completion = sharedHistogram(completionTokens);
  if (completion) histograms.completionTokens = completion;
  const data: ReportData = {
    title: options.title ?? `evalforge report: ${[...new Set(labels)].join(', ')}`,
    generatedAt: (options.now ?? new Date()).toISOString(),
    evalforgeVersion: EVALFORGE_VERSION,
    runs: reportRuns,
    histograms,
  };
  if (options.comparison !== undefined) data.comparison = options.comparison;
  return { data, samples };
}
