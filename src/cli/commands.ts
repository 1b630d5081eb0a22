import { join } from 'node:path';
import { parseOverrides } from '../core/config/overrides.js';
import { resolveRun, type ConfigLayer, type ResolvedRun } from '../core/config/resolve-run.js';
import { createDatasetReader } from '../core/datasets/create-dataset-reader.js';
import { createDefaultRegistry } from '../core/default-registry.js';
import { DatasetError } from '../core/errors.js';
import type { TaskDefinition } from '../core/task.js';
import { toSnakeCaseKeys } from '../core/config/case.js';
import { withCustomTasks } from '../core/custom-task/with-custom-tasks.js';
import { toNemoYaml } from '../core/results/results-files.js';
import { runEvaluation, type EvaluationOutcome } from '../core/run-evaluation.js';
import { planRequests } from '../core/runner.js';
import { flagsLayer, parseLsArgs, parseRunEvalArgs } from './args.js';
import { createMultiProgressDisplay } from './multi-progress-display.js';
import { createProgressDisplay } from './progress-display.js';
import { readRunConfigFile } from './run-config-file.js';
import { runWarnings } from './run-warnings.js';

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
}

/** The endpoint types a task runs on, with `+logprobs` when it needs prompt log-probabilities. */
function endpointColumn(task: TaskDefinition<any, any>): string {
  const types = task.endpointTypes.join(',');
  return task.requiredCapabilities?.includes('logprobs') ? `${types}+logprobs` : types;
}

/**
 * `evalforge ls [--custom_task PATH]...`: every task with its harness, endpoint types (and required
 * capabilities) and a one-line description, custom tasks from the given YAML files included.
 */
export async function listTasks(argv: string[], io: CliIo): Promise<void> {
  const args = parseLsArgs(argv);
  const registry = await withCustomTasks(createDefaultRegistry(), args.custom_task ?? []);
  const rows = registry
    .list()
    .map(({ harness, task }) => [`${harness.name}.${task.name}`, endpointColumn(task), task.description]);
  const width = Math.max(...rows.map((r) => (r[0] as string).length));
  const typeWidth = Math.max(...rows.map((r) => (r[1] as string).length));
  for (const [name, types, description] of rows) {
    io.stdout.write(`${(name as string).padEnd(width)}  ${(types as string).padEnd(typeWidth)}  ${description}\n`);
  }
}

/**
 * `evalforge run_eval`: NeMo's flags; layers run config < flags < overrides. `--custom_task` files
 * are registered before `--eval_type` is resolved. `--dry_run` prints the merged config and the
 * number of requests the run would send. After a run, warnings go to stderr (see runWarnings).
 * `--eval_type a,b,...` (an evalforge extension) runs several tasks at once, each into
 * `<output_dir>/<task>`, with one progress line per task.
 */
export async function runEval(argv: string[], io: CliIo): Promise<void> {
  const args = parseRunEvalArgs(argv);
  const layers: ConfigLayer[] = [];
  if (args.run_config) layers.push(await readRunConfigFile(args.run_config));
  layers.push(flagsLayer(args));
  if (args.overrides) layers.push(parseOverrides(args.overrides) as ConfigLayer);
  const types = args.eval_type?.includes(',') ? args.eval_type.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
  if (types) return runSeveral(types, layers, args, io);

  if (args.dry_run) {
    const run = resolveRun(await withCustomTasks(createDefaultRegistry(), args.custom_task ?? []), layers);
    await printDryRun(run, io);
    return;
  }
  const display = createProgressDisplay(io.stderr);
  let outcome;
  try {
    outcome = await runEvaluation(layers, { signal: io.signal, onProgress: display.update, customTasks: args.custom_task });
  } finally {
    display.finish();
  }
  printOutcome(outcome, io);
}

async function printDryRun(run: ResolvedRun, io: CliIo): Promise<void> {
  const rendered = { config: toSnakeCaseKeys(run.config), target: toSnakeCaseKeys(run.target), framework_name: run.harness.name, pkg_name: run.harness.pkgName };
  io.stdout.write(`Rendered config:\n${toNemoYaml(rendered)}`);
  io.stdout.write(`\n${await describePlannedRequests(run)}\n`);
}

function printOutcome(outcome: EvaluationOutcome, io: CliIo): void {
  for (const warning of runWarnings(outcome.evalforge)) io.stderr.write(`${warning}\n`);
  io.stdout.write(`${toNemoYaml({ results: outcome.result })}`);
  io.stdout.write(`\nresults: ${outcome.resultsPath}\nsamples: ${outcome.samplesPath}\n`);
}

/**
 * Several tasks in one invocation: each resolved with the same layers and its own type, into
 * `<output_dir>/<task>`, all run at once (each with its own `parallelism`). Every task is resolved
 * before any starts, so a config error stops them all up front. When some fail, the others still
 * finish and are printed, and the first failure is rethrown (so the exit code says so).
 */
async function runSeveral(types: readonly string[], layers: readonly ConfigLayer[], args: { dry_run?: boolean; custom_task?: string[] }, io: CliIo): Promise<void> {
  const registry = await withCustomTasks(createDefaultRegistry(), args.custom_task ?? []);
  const base = resolveRun(registry, [...layers, { config: { type: types[0] } }]).config.outputDir;
  const taskLayers = types.map((type) => [...layers, { config: { type, output_dir: join(base, type.replaceAll('.', '_')) } }]);
  const runs = taskLayers.map((l) => resolveRun(registry, l));
  if (args.dry_run) {
    for (const run of runs) await printDryRun(run, io);
    return;
  }
  const display = createMultiProgressDisplay(io.stderr, types);
  let settled;
  try {
    settled = await Promise.allSettled(
      taskLayers.map((l, i) => runEvaluation(l, { signal: io.signal, onProgress: display.updater(types[i] as string), registry })),
    );
  } finally {
    display.finish();
  }
  settled.forEach((result, i) => {
    io.stdout.write(`\n=== ${types[i]}\n`);
    if (result.status === 'fulfilled') printOutcome(result.value, io);
    else io.stderr.write(`${types[i]} failed: ${(result.reason as Error).message}\n`);
  });
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The dry run's request count: docs to run minus samples already finished in the output dir. */
async function describePlannedRequests(run: ResolvedRun): Promise<string> {
  try {
    const plan = await planRequests(run, createDatasetReader());
    const resumed = plan.finished > 0 ? `, ${plan.finished} already finished in ${join(run.config.outputDir, 'samples.jsonl')}` : '';
    const perDoc = plan.samples === plan.docs ? '' : ` from ${plan.docs} docs`;
    return `Requests to send: ${plan.requests} (${plan.samples} samples${perDoc}${resumed})`;
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    return `Requests to send: unknown, the dataset cannot be read: ${error.message.split('\n')[0]}`;
  }
}
