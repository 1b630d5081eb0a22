import type { z } from 'zod';
import { ConfigError } from '../errors.js';

/** What to write instead, per field (dotted path without list indices). */
const FIELD_FIXES: Record<string, string> = {
  '': 'write a YAML mapping with name:, dataset:, prompt: and target: (see docs/custom-tasks.md)',
  name: 'e.g. name: capitals (the task is then registered as custom.capitals)',
  description: 'one line of text for `evalforge ls`',
  endpoint_types: 'e.g. endpoint_types: [chat] (chat and/or completions)',
  dataset: 'e.g. dataset: {path: ./data.jsonl} or dataset: {hub: {repo: org/name, revision: <commit>, path: data/test.parquet}}',
  'dataset.path': 'the data file, relative to this YAML file, e.g. path: ./data.jsonl',
  'dataset.format': 'one of jsonl, json, csv, parquet (leave it out to use the file extension)',
  'dataset.hub': 'e.g. hub: {repo: org/name, revision: <commit or branch>, path: data/test.parquet}',
  'dataset.hub.repo': 'the Hugging Face dataset repo as org/name',
  'dataset.hub.revision': 'pin a commit sha (or a branch such as main)',
  'dataset.hub.path': 'the file inside the repo, e.g. data/test.parquet',
  'dataset.hub.format': 'one of jsonl, json, csv, parquet (leave it out to use the file extension)',
  'dataset.id_field': 'the name of a row field holding a unique id, or leave it out to number rows from 0',
  prompt: 'e.g. prompt: {template: "What is the capital of {{ country }}?"}, with an optional system:',
  'prompt.template': 'a nunjucks template over the row, e.g. "What is the capital of {{ country }}?"',
  'prompt.system': 'a system message (a nunjucks template) for chat endpoints; remove it or set endpoint_types: [chat]',
  stop: 'a list of non-empty strings, e.g. stop: ["\\n\\n"]',
  target: 'a nunjucks template over the row giving the gold answer, e.g. target: "{{ answer }}"',
  extraction: 'e.g. extraction: {regex: "Answer:\\\\s*(.+)", group_select: 0, fallback: "[invalid]"}',
  'extraction.regex': 'a Python `re` pattern; the first non-empty group of the selected match is the answer',
  'extraction.group_select': 'an integer index into the list of matches: 0 is the first, -1 the last',
  'extraction.fallback': 'the answer to record when the regex does not match, e.g. "[invalid]"',
  metric: 'e.g. metric: {type: exact_match, ignore_case: true} or metric: {type: contains}',
  'metric.type': 'exact_match or contains',
  'metric.ignore_case': 'true or false',
  'metric.ignore_punctuation': 'true or false (exact_match only)',
  'metric.regexes_to_ignore': 'a list of Python `re` patterns removed from answer and target before comparing (exact_match only)',
  judge_prompt: 'e.g. judge_prompt: {template: "Question: {{ input_query }}\\nGold: {{ expected_answer }}\\nAnswer: {{ response }}\\nReply A (correct) or B (wrong)."}, with an optional system:',
  'judge_prompt.template': "a nunjucks template over the row plus response, generated_answer, expected_answer and input_query: the judge's user message",
  'judge_prompt.system': "a nunjucks template for the judge's system message (leave it out to send the user message alone)",
  judge_score_regexes: 'a list of Python `re` patterns, e.g. judge_score_regexes: ["(A|B|C)"]; the first that matches gives the score: its group 1',
  judge_score_map: 'the score of each captured string, e.g. judge_score_map: {A: 1, B: 0}; leave it out to read the captured text as a number',
  judge_unparsable_score: 'the score of a reply no regex or map can read, e.g. 0; leave it out to leave such replies out of the average',
  aggregation_functions: 'a list of average and/or categorical_count, e.g. aggregation_functions: [average]',
  judge: 'judge endpoint defaults in the fields of config.params.extra.judge, e.g. judge: {model_id: my-judge, temperature: 0} (see docs/judge.md)',
  defaults: 'config params in snake_case, e.g. defaults: {max_new_tokens: 64, parallelism: 10}',
};

/** `endpoint_types[1]`, `dataset.hub.repo`: a zod issue path as users read it. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((dotted, key) => (typeof key === 'number' ? `${dotted}[${key}]` : dotted ? `${dotted}.${String(key)}` : String(key)), '');
}

/** The fix for a field: its own, else its parent's (so `defaults.x` falls back to `defaults`). */
export function fieldFix(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((key) => typeof key === 'string') as string[];
  for (let n = keys.length; n >= 0; n--) {
    const fix = FIELD_FIXES[keys.slice(0, n).join('.')];
    if (fix !== undefined) return fix;
  }
  return undefined;
}

/**
 * A ConfigError for a problem in a custom task file. Its `field` is `<file>: <dotted path>` (the
 * file alone for the whole document), so the message starts with where to look.
 */
export function customTaskError(file: string, path: readonly PropertyKey[] | string, problem: string, fix?: string): ConfigError {
  const dotted = typeof path === 'string' ? path : fieldPath(path);
  return new ConfigError(dotted ? `${file}: ${dotted}` : file, problem, fix ?? fieldFix(typeof path === 'string' ? path.replace(/\[\d+\]/g, '').split('.') : path));
}

/**
 * The first zod issue as a customTaskError. Unknown keys list the valid ones; a missing field says
 * so rather than "received undefined"; every other issue keeps zod's message (the schema words its
 * own messages for formats and cross-field rules).
 */
export function issueError(file: string, schema: z.ZodType, error: z.ZodError, prefix: readonly PropertyKey[] = [], keyName = (key: string) => key): ConfigError {
  const issue = error.issues[0] as z.core.$ZodIssue;
  const path = [...prefix, ...issue.path.map((key) => (typeof key === 'string' ? keyName(key) : key))];
  if (issue.code === 'unrecognized_keys') {
    const valid = validKeys(schema, issue.path).map(keyName);
    const keys = issue.keys.map((key) => `"${keyName(key)}"`).join(', ');
    return customTaskError(file, path, `unknown key ${keys}`, valid.length ? `valid keys here are: ${valid.join(', ')}` : undefined);
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return customTaskError(file, path, `missing (expected ${issue.expected})`);
  const problem = issue.code === 'invalid_value' ? `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` : issue.message;
  return customTaskError(file, path, problem);
}

function validKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: any = schema;
  for (const key of path) {
    while (node?.unwrap) node = node.unwrap();
    node = typeof key === 'number' ? node?.element : node?.shape?.[key as string];
  }
  while (node?.unwrap) node = node.unwrap();
  return node?.shape ? Object.keys(node.shape) : [];
}
