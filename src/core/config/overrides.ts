import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';

/**
 * Parses NeMo's `--overrides "config.params.limit_samples=10,target.api_endpoint.model_id=m"`:
 * comma-separated `dotted.path=value` pairs; commas inside '…' or "…" do not split; each value is
 * read as YAML (`0.5` → number, `true` → boolean, `[a,b]` → list), except a value that opens a quote
 * without closing it, which stays the raw string. Returns the nested object the paths describe.
 */
export function parseOverrides(text: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const pair of splitPairs(text)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new ConfigError('--overrides', `"${pair}" is not of the form dotted.path=value`, 'write e.g. config.params.limit_samples=10');
    }
    const path = pair.slice(0, eq).trim().split('.');
    if (path.some((part) => part === '')) {
      throw new ConfigError('--overrides', `"${pair.slice(0, eq)}" is not a valid dotted path`);
    }
    setPath(result, path, parseValue(pair.slice(eq + 1).trim()));
  }
  return result;
}

function splitPairs(text: string): string[] {
  const pairs: string[] = [];
  let current = '';
  let quote: string | null = null;
  let depth = 0;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '[' || ch === '{') {
      depth += 1;
    } else if (ch === ']' || ch === '}') {
      depth -= 1;
    } else if (ch === ',' && depth === 0) {
      if (current.trim()) pairs.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) pairs.push(current.trim());
  return pairs;
}

function parseValue(raw: string): unknown {
  const opensQuote = raw.startsWith('"') || raw.startsWith("'");
  if (opensQuote && (raw.length < 2 || raw.at(-1) !== raw[0])) return raw;
  try {
    return parseYaml(raw);
  } catch {
    return raw;
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
}
