import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { camelToSnake } from './case.js';

/** Names a field in both spellings users may have written it in: `params.maxNewTokens (max_new_tokens)`. */
function fieldName(path: readonly PropertyKey[], prefix: string): string {
  const dotted = [prefix, ...path.map(String)].filter(Boolean).join('.');
  const last = String(path.at(-1) ?? '');
  const snake = camelToSnake(last);
  return snake !== last ? `${dotted} (${snake})` : dotted;
}

function validKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: any = schema;
  for (const key of path) {
    while (node?.unwrap) node = node.unwrap();
    node = node?.shape?.[key as string];
  }
  while (node?.unwrap) node = node.unwrap();
  return node?.shape ? Object.keys(node.shape).map(camelToSnake) : [];
}

/** Parses `value` with `schema`, or throws a ConfigError naming the first bad field and the fix. */
export function parseConfig<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (camelToSnake(k) === k ? `"${k}"` : `"${k}" (${camelToSnake(k)})`)).join(', ');
    const valid = validKeys(schema, issue.path);
    throw new ConfigError(
      fieldName(issue.path, prefix),
      `unknown key ${keys}`,
      valid.length ? `valid keys here are: ${valid.join(', ')}` : undefined,
    );
  }
  throw new ConfigError(fieldName(issue.path, prefix), issue.message);
}
