import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { createJudgeClient, type JudgeClient } from '../adapters/judge-client.js';
import { createModelClient } from '../adapters/model-client.js';
import { writeRunReport } from '../report/write-run-report.js';
import { EVALFORGE_VERSION } from '../version.js';
import { toSnakeCaseKeys } from './config/case.js';
import { resolveRun, type ConfigLayer, type ResolvedRun } from './config/resolve-run.js';
import type { EvaluationResult } from './config/schema.js';
import { withCustomTasks } from './custom-task/with-custom-tasks.js';
import { createDatasetReader } from './datasets/create-dataset-reader.js';
import type { DatasetReader } from './datasets/dataset-reader.js';
import { createDefaultRegistry } from './default-registry.js';
import { resolveJudge, type ResolvedJudge } from './judge/judge-config.js';
import type { TaskRegistry } from './registry.js';
import { writeMetricsFile } from './results/metrics-file.js';
import { checkRunFingerprint } from './results/run-fingerprint.js';
import type { RunSummary } from './results/run-summary.js';
import { writeYamlFile } from './results/results-files.js';
import { runTask, type RunProgress } from './runner.js';

export interface RunEvaluationOptions {
  /** Stops the run; finished samples stay in samples.jsonl and a rerun resumes from them. */
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Replaces the HTTP client (e.g. to add tracing or a proxy). */
  fetch?: typeof fetch;
  /** An undici dispatcher for the built-in HTTP client (connection pool, proxy agent, mocks). */
  dispatcher?: Dispatcher;
  /** Tasks to resolve `config.type` against; defaults to every built-in task. */
  registry?: TaskRegistry;
  /**
   * Custom task YAML files (docs/custom-tasks.md) to register, for this run only, as
   * `custom.<name>` in addition to `registry`'s tasks.
   */
  customTasks?: readonly string[];
  /** Where datasets are read from; defaults to EVALFORGE_DATA_DIR, the cache, then the hub. */
  data?: DatasetReader;
  /** Environment to read the API key variable from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface EvaluationOutcome {
  result: EvaluationResult;
  run: ResolvedRun;
  resultsPath: string;
  samplesPath: string;
  /** Interceptor reports and sample counts, as written to results.yml `evalforge`. */
  evalforge: RunSummary;
}

/** The merged config as NeMo's run_config.yml lays it out (snake_case, no secrets: keys are names only). */
function runConfigDocument(run: ResolvedRun): Record<string, unknown> {
  return {
    config: toSnakeCaseKeys(run.config),
    target: toSnakeCaseKeys(run.target),
    framework_name: run.harness.name,
    pkg_name: run.harness.pkgName,
  };
}

/**
 * What a sample's response and score depend on: a changed value makes earlier samples unusable for
 * resuming. Endpoint URLs are left out (a restarted server on another port resumes), also the
 * judge's; the judge's model and sampling settings are in.
 */
function fingerprint(run: ResolvedRun, judge: ResolvedJudge | undefined): Record<string, unknown> {
  const { params } = run.config;
  const endpoint = run.target.apiEndpoint;
  const { judge: _judgeConfig, ...extra } = params.extra ?? {};
  const print: Record<string, unknown> = {
    task: `${run.harness.name}.${run.task.name}`,
    task_version: run.task.version,
    model_id: endpoint.modelId,
    endpoint_type: endpoint.type,
    max_new_tokens: params.maxNewTokens ?? null,
    temperature: params.temperature ?? null,
    top_p: params.topP ?? null,
    extra,
  };
  if (judge) {
    const { params: judged } = judge;
    print.judge = { model_id: judge.endpoint.modelId, max_tokens: judged.maxNewTokens ?? null, temperature: judged.temperature ?? null, top_p: judged.topP ?? null };
  }
  return print;
}

/** A judged task always gets its judge; one where the judge is optional only when a judge url is configured. */
export function judgeWanted(run: ResolvedRun): boolean {
  if (!run.task.judge) return false;
  if (!run.task.judgeOptional) return true;
  const perTask = run.config.params.extra?.judge as { url?: unknown } | undefined;
  return Boolean(run.target.judge?.url ?? perTask?.url);
}

/**
 * Resolves the layered config, runs the task, writes run_config.yml, samples.jsonl, results.yml and
 * report.html (a report that cannot be written only warns on stderr); eval_factory_metrics.json
 * gets the interceptor reports even when the run fails.
 */
export async function runEvaluation(layers: readonly ConfigLayer[], options: RunEvaluationOptions = {}): Promise<EvaluationOutcome> {
  const registry = await withCustomTasks(options.registry ?? createDefaultRegistry(), options.customTasks ?? []);
  const run = resolveRun(registry, layers);
  const { outputDir } = run.config;
  await mkdir(outputDir, { recursive: true });
  const samplesPath = join(outputDir, 'samples.jsonl');
  // Resolved before anything is written or sent, so a judged task without a usable judge stops here.
  const judgeSettings = judgeWanted(run) ? resolveJudge(run.task.judge ?? {}, run.target.judge, run.config.params.extra?.judge) : undefined;
  await checkRunFingerprint(outputDir, fingerprint(run, judgeSettings), existsSync(samplesPath));
  await writeYamlFile(outputDir, 'run_config.yml', runConfigDocument(run));

  const data = options.data ?? createDatasetReader();
  const clientOptions = { fetch: options.fetch, dispatcher: options.dispatcher, env: options.env };
  const judge: JudgeClient | undefined = judgeSettings ? createJudgeClient(judgeSettings, outputDir, clientOptions) : undefined;
  const client = createModelClient(run.target.apiEndpoint, run.config.params, {
    fetch: options.fetch,
    dispatcher: options.dispatcher,
    env: options.env,
    outputDir,
  });
  const startedAt = new Date();
  let outcome;
  let interceptorReports: Record<string, Record<string, unknown>> = {};
  let judgeReports: Record<string, Record<string, unknown>> | undefined;
  try {
    outcome = await runTask(run, { data, client, judge, signal: options.signal, onProgress: options.onProgress });
  } finally {
    interceptorReports = await client.close();
    judgeReports = await judge?.close();
    await writeMetricsFile(outputDir, interceptorReports);
  }
  const summary: RunSummary = {
    interceptors: interceptorReports,
    samples: { total: outcome.total, resumed: outcome.resumed, requested: outcome.requested, errors: outcome.errors },
  };
  if (judgeSettings && judgeReports) summary.judge = { model: judgeSettings.endpoint.modelId, interceptors: judgeReports };
  if (outcome.scoring) summary.scoring = outcome.scoring;
  const finishedAt = new Date();
  const resultsPath = await writeYamlFile(outputDir, 'results.yml', {
    ...runConfigDocument(run),
    results: outcome.result,
    evalforge: {
      version: EVALFORGE_VERSION,
      task: { name: run.task.name, harness: run.harness.name, version: run.task.version, reference: run.task.reference },
      datasets: data.provenance().map(({ readFrom, ...rest }) => ({ ...rest, read_from: readFrom })),
      generation: {
        model: run.target.apiEndpoint.modelId,
        endpoint_type: run.target.apiEndpoint.type,
        max_new_tokens: run.config.params.maxNewTokens ?? null,
        temperature: run.config.params.temperature ?? null,
        top_p: run.config.params.topP ?? null,
        stream: run.target.apiEndpoint.stream ?? false,
      },
      ...summary,
      started_at: startedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      runtime_seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    },
  });
  await writeRunReport(outputDir);
  return { result: outcome.result, run, resultsPath, samplesPath: outcome.samplesPath, evalforge: summary };
}
