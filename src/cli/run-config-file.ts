import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ConfigError } from '../core/errors.js';
import type { ConfigLayer } from '../core/config/resolve-run.js';

const TOP_LEVEL_KEYS = ['config', 'target', 'metadata'];

/** Reads a `--run_config` YAML (NeMo layout: top-level `config:`, `target:`, optional `metadata:`). */
export async function readRunConfigFile(path: string): Promise<ConfigLayer> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigError('--run_config', `cannot read ${path}`, 'check the path to the YAML run config');
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new ConfigError('--run_config', `${path} is not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError('--run_config', `${path} must be a mapping with top-level config: and target:`);
  }
  const unknown = Object.keys(parsed).filter((key) => !TOP_LEVEL_KEYS.includes(key));
  if (unknown.length > 0) {
    throw new ConfigError('--run_config', `${path} has unknown top-level key(s) ${unknown.join(', ')}`, `use only ${TOP_LEVEL_KEYS.join(', ')}`);
  }
  const { config, target } = parsed as ConfigLayer;
  return { config, target };
}
