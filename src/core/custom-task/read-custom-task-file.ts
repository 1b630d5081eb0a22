import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { camelToSnake, toCamelCaseKeys } from '../config/case.js';
import { ConfigParamsSchema, type ConfigParams } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { customTaskError, issueError } from './custom-task-errors.js';
import { CustomTaskFileSchema, type CustomTaskFile } from './custom-task-schema.js';

/** A custom task file, read and checked. */
export interface CustomTaskSource {
  /** Absolute path of the YAML file. */
  path: string;
  /** The file's text, as read (its hash versions the task). */
  text: string;
  spec: CustomTaskFile;
  /** `spec.defaults` as ConfigParams (camelCase keys). */
  defaults: Partial<ConfigParams>;
}

/**
 * Reads and validates a custom task YAML file. Every problem is a ConfigError naming the file,
 * the field (as written in the YAML) and the fix; unknown keys list the valid ones.
 */
export async function readCustomTaskFile(path: string): Promise<CustomTaskSource> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw customTaskError(absolute, [], `cannot read the custom task file (${reason})`, 'check the path to the custom task YAML');
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw customTaskError(absolute, [], `not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`, 'fix the YAML syntax');
  }
  const result = CustomTaskFileSchema.safeParse(parsed ?? {}, { reportInput: true });
  if (!result.success) throw issueError(absolute, CustomTaskFileSchema, result.error);
  return { path: absolute, text, spec: result.data, defaults: parseDefaults(absolute, result.data.defaults ?? {}) };
}

function parseDefaults(file: string, defaults: Record<string, unknown>): Partial<ConfigParams> {
  let camel: unknown;
  try {
    camel = toCamelCaseKeys(defaults, 'defaults');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw customTaskError(file, error.field, 'gives the same param twice (snake_case and camelCase)', 'keep one spelling, in snake_case');
  }
  const result = ConfigParamsSchema.safeParse(camel, { reportInput: true });
  if (!result.success) throw issueError(file, ConfigParamsSchema, result.error, ['defaults'], camelToSnake);
  return result.data;
}
