import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';

/** Which task an output dir holds samples of. */
export interface RunIdentity {
  /** Task name (`mmlu`). */
  name: string;
  /** Harness (`simple_evals`); NeMo's `framework_name`. */
  harness: string;
  /** Task version the samples were scored with, when results.yml records it. */
  version?: string;
}

async function readYaml(path: string, field: string): Promise<Record<string, any>> {
  try {
    const parsed = parseYaml(await readFile(path, 'utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, any>;
  } catch {
    // Reported below with the file's name.
  }
  throw new ConfigError(field, `${path} is not a readable evalforge YAML file`, 'give the output_dir of an evalforge run');
}

/**
 * The task of the run in `dir`: results.yml `evalforge.task` (name, harness, version) when present,
 * else run_config.yml `config.type` and `framework_name` (a run that has not finished yet). A dir
 * with neither is a ConfigError naming `field` (the CLI argument or API parameter).
 */
export async function readRunIdentity(dir: string, field: string): Promise<RunIdentity> {
  const resultsPath = join(dir, 'results.yml');
  if (existsSync(resultsPath)) {
    const task = (await readYaml(resultsPath, field)).evalforge?.task;
    if (task && typeof task.name === 'string' && typeof task.harness === 'string') {
      return typeof task.version === 'string' ? { name: task.name, harness: task.harness, version: task.version } : { name: task.name, harness: task.harness };
    }
  }
  const configPath = join(dir, 'run_config.yml');
  if (existsSync(configPath)) {
    const runConfig = await readYaml(configPath, field);
    const type = runConfig.config?.type;
    const harness = runConfig.framework_name;
    if (typeof type === 'string' && typeof harness === 'string') return { name: type.includes('.') ? type.slice(type.indexOf('.') + 1) : type, harness };
  }
  throw new ConfigError(
    field,
    `${dir} holds no evalforge run (no results.yml with evalforge.task, no run_config.yml)`,
    'give the output_dir of an evalforge run; for a run of several tasks, the task\'s own dir (<output_dir>/<task>)',
  );
}
