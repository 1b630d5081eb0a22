import { z } from 'zod';
import { camelToSnake } from '../core/config/case.js';
import { RunConfigFileSchema } from '../core/config/schema.js';

type JsonSchemaNode = Record<string, unknown>;

/** Renames `properties` and `required` entries to snake_case, leaving free-form maps alone. */
function snakeCaseProperties(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(snakeCaseProperties);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonSchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [camelToSnake(name), snakeCaseProperties(child)]));
    } else if (key === 'required' && Array.isArray(value)) {
      out[key] = value.map((name: string) => camelToSnake(name));
    } else {
      out[key] = snakeCaseProperties(value);
    }
  }
  return out;
}

/**
 * JSON Schema for a `--run_config` YAML file in NeMo's snake_case spelling, for editor completion
 * and validation (e.g. `# yaml-language-server: $schema=.../run-config.schema.json`).
 */
export function runConfigJsonSchema(): JsonSchemaNode {
  const schema = snakeCaseProperties(z.toJSONSchema(RunConfigFileSchema, { io: 'input' })) as JsonSchemaNode;
  return { ...schema, title: 'evalforge / nemo-evaluator run config' };
}
