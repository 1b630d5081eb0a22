/**
 * NeMo's YAML and CLI use snake_case (`output_dir`, `api_key_name`); the TypeScript API uses
 * camelCase. Both spellings are accepted on input and results are written in NeMo's snake_case.
 * Keys inside free-form maps (`params.extra`, `adapter_config`, `metadata`) are the user's own and
 * are kept verbatim, as are those of `target.judge`, which takes NeMo's `extra.judge` fields as is.
 */
import { ConfigError } from '../errors.js';

const VERBATIM_KEYS = new Set(['extra', 'adapterConfig', 'metadata', 'judge']);

export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function convertKeys(value: unknown, convert: (key: string) => string, path: string, rejectClash: boolean): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const converted = convert(key);
    const childPath = path ? `${path}.${key}` : key;
    if (rejectClash && converted in out) {
      throw new ConfigError(childPath, `given twice (as "${converted}" and "${key}")`, 'keep one spelling of the field');
    }
    out[converted] = VERBATIM_KEYS.has(converted) ? child : convertKeys(child, convert, childPath, rejectClash);
  }
  return out;
}

/** Accepts NeMo snake_case or camelCase keys; returns camelCase. Both spellings of one key is an error. */
export function toCamelCaseKeys(value: unknown, path = ''): unknown {
  return convertKeys(value, snakeToCamel, path, true);
}

/** camelCase → NeMo snake_case, for run_config.yml and results.yml. */
export function toSnakeCaseKeys(value: unknown): unknown {
  return convertKeys(value, camelToSnake, '', false);
}
