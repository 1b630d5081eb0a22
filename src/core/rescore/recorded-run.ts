import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { resolveRun, type ResolvedRun } from '../config/resolve-run.js';
import { ConfigError } from '../errors.js';
import type { TaskRegistry } from '../registry.js';

/**
 * The run recorded in `<dir>/run_config.yml`, resolved against `registry` as it is now (the current
 * task definition and scorers), with `output_dir` set to `dir` (the dir may have moved). The task is
 * looked up as `<framework_name>.<type>` so a name that another harness has since also taken still
 * finds it. A custom task needs its YAML file registered (`customTasks` / `--custom_task`).
 */
export async function resolveRecordedRun(dir: string, registry: TaskRegistry): Promise<ResolvedRun> {
  const path = join(dir, 'run_config.yml');
  if (!existsSync(path)) throw new ConfigError('output_dir', `${dir} has no run_config.yml`, 'give the output_dir of an evalforge run (for a run of several tasks, the task\'s own dir <output_dir>/<task>)');
  let document: Record<string, any>;
  try {
    document = parseYaml(await readFile(path, 'utf8')) as Record<string, any>;
  } catch (error) {
    throw new ConfigError('output_dir', `${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, 'restore the run_config.yml the run wrote');
  }
  const config = document?.config;
  if (!config || typeof config.type !== 'string') throw new ConfigError('output_dir', `${path} has no config.type`, 'restore the run_config.yml the run wrote');
  const framework = typeof document.framework_name === 'string' ? document.framework_name : undefined;
  const type = framework && !config.type.includes('.') ? `${framework}.${config.type}` : config.type;
  try {
    return resolveRun(registry, [{ config: { ...config, type, output_dir: dir }, target: document.target }]);
  } catch (error) {
    if (error instanceof ConfigError && framework === 'custom' && error.field === 'config.type') {
      throw new ConfigError('config.type', `${path} is a run of the custom task ${config.type}`, 'register its YAML file: --custom_task PATH (API: customTasks)');
    }
    throw error;
  }
}
