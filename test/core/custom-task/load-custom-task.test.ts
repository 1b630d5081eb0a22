import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadCustomTask } from '../../../src/core/custom-task/load-custom-task.js';
import type { CustomTaskDoc } from '../../../src/core/custom-task/load-custom-task.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetFile, DatasetReader, DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { ConfigError, DatasetError } from '../../../src/core/errors.js';
import type { TaskDefinition, TaskDoc } from '../../../src/core/task.js';

const EXAMPLE = resolve('examples/custom-task/capitals.yaml');

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-custom-task-'));
  await writeFile(join(scratch, 'rows.jsonl'), '{"q": "one", "a": "1"}\n{"q": "two", "a": "2"}\n');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const reader = () => createDatasetReader({ cacheDir: join(scratch, 'cache'), offline: true });

async function allDocs(task: TaskDefinition<CustomTaskDoc>, data: DatasetReader = reader()): Promise<TaskDoc<CustomTaskDoc>[]> {
  const docs: TaskDoc<CustomTaskDoc>[] = [];
  for await (const doc of task.docs(data)) docs.push(doc);
  return docs;
}

let fileCount = 0;
/** Writes `content` (an object as YAML, or raw text) to a fresh file next to rows.jsonl. */
async function taskFile(content: unknown): Promise<string> {
  const path = join(scratch, `task-${++fileCount}.yaml`);
  await writeFile(path, typeof content === 'string' ? content : stringify(content));
  return path;
}

const VALID = {
  name: 'numbers',
  dataset: { path: './rows.jsonl' },
  prompt: { template: 'Spell {{ q }} as a digit.' },
  target: '{{ a }}',
};

describe('loadCustomTask on the example task', () => {
  it('builds the task definition from the YAML', async () => {
    const task = await loadCustomTask(EXAMPLE);
    expect(task).toMatchObject({
      name: 'capitals',
      harness: 'custom',
      description: 'Capital cities of 8 countries, exact match on "Answer: <city>"',
      reference: EXAMPLE,
      endpointTypes: ['chat'],
      defaults: { maxNewTokens: 64 },
    });
    expect(task.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('streams the rows with their id_field ids and renders system, prompt and target', async () => {
    const task = await loadCustomTask(EXAMPLE);
    const data = reader();
    const docs = await allDocs(task, data);
    expect(docs.map((d) => d.id)).toEqual(['fr', 'jp', 'ke', 'br', 'au', 'ca', 'eg', 'nz']);
    const prompter = await task.createPrompter({ params: {}, endpointType: 'chat', data });
    expect(prompter(docs[3]!.doc, 3)).toEqual({
      kind: 'chat',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: "What is the capital of Brazil? Answer with 'Answer: <city>'." },
      ],
      stop: ['\n\n'],
    });
    expect(task.target(docs[3]!.doc)).toBe('Brasília');
    expect(data.provenance()).toEqual([
      expect.objectContaining({ name: 'custom/capitals', source: `file:${resolve('examples/custom-task/capitals.jsonl')}`, rows: 8 }),
    ]);
  });

  it('scores with the regex, stop list and case-insensitive exact match of the YAML', async () => {
    const task = await loadCustomTask(EXAMPLE);
    const [, , , brazil] = await allDocs(task);
    expect(task.score('Answer: brasília\n\nAnswer: Rio', brazil!.doc)).toEqual({ extracted: { answer: 'brasília' }, scores: { exact_match: 1 } });
    expect(task.score('Answer: Rio de Janeiro', brazil!.doc)).toEqual({ extracted: { answer: 'Rio de Janeiro' }, scores: { exact_match: 0 } });
    expect(task.score('Brasília', brazil!.doc)).toEqual({ extracted: { answer: '[invalid]' }, scores: { exact_match: 0 } });
  });

  it('reports NeMo lm-eval style: tasks and groups keyed by the task name, one metric named after the type', async () => {
    const task = await loadCustomTask(EXAMPLE);
    const totals = new Map([['', new Map([['exact_match', { count: 4, sum: 3, sumSquared: 3 }]])]]);
    const result = task.report(totals);
    const metrics = { exact_match: { scores: { exact_match: { value: 0.75, stats: { count: 4, mean: 0.75, stddev: Math.sqrt(0.1875), stderr: 0.25 } } } } };
    expect(result).toEqual({ tasks: { capitals: { metrics } }, groups: { capitals: { metrics } } });
    expect(result.tasks.capitals).not.toBe(result.groups.capitals);
  });
});

describe('loadCustomTask defaults and variants', () => {
  it('numbers rows from 0 without id_field, and sends completions the bare prompt', async () => {
    const task = await loadCustomTask(await taskFile({ ...VALID, endpoint_types: ['completions', 'chat'], stop: ['\n'] }));
    expect(task.description).toMatch(/^Custom task from task-\d+\.yaml$/);
    expect(task.endpointTypes).toEqual(['completions', 'chat']);
    const data = reader();
    const docs = await allDocs(task, data);
    expect(docs.map((d) => d.id)).toEqual(['0', '1']);
    const completions = await task.createPrompter({ params: {}, endpointType: 'completions', data });
    expect(completions(docs[1]!.doc, 1)).toEqual({ kind: 'completions', prompt: 'Spell two as a digit.', stop: ['\n'] });
    const chat = await task.createPrompter({ params: {}, endpointType: 'chat', data });
    expect(chat(docs[1]!.doc, 1)).toEqual({ kind: 'chat', messages: [{ role: 'user', content: 'Spell two as a digit.' }], stop: ['\n'] });
  });

  it('defaults to chat, whole-response exact match and no stop list', async () => {
    const task = await loadCustomTask(await taskFile(VALID));
    expect(task.endpointTypes).toEqual(['chat']);
    expect(task.defaults).toEqual({});
    const [first] = await allDocs(task);
    const prompter = await task.createPrompter({ params: {}, endpointType: 'chat', data: reader() });
    expect(prompter(first!.doc, 0)).toEqual({ kind: 'chat', messages: [{ role: 'user', content: 'Spell one as a digit.' }] });
    expect(task.score(' 1 \n', first!.doc)).toEqual({ extracted: { answer: '1' }, scores: { exact_match: 1 } });
  });

  it('versions the task by the YAML text', async () => {
    const a = await loadCustomTask(await taskFile(VALID));
    const b = await loadCustomTask(await taskFile(VALID));
    const c = await loadCustomTask(await taskFile({ ...VALID, target: '{{ a }} ' }));
    expect(a.version).toBe(b.version);
    expect(c.version).not.toBe(a.version);
  });

  it('reads a hub dataset through the normal reader: data dir <repo>/<path>, then cache, then hub', async () => {
    const task = await loadCustomTask(
      await taskFile({ ...VALID, dataset: { hub: { repo: 'org/numbers', revision: 'abc123', path: 'data/test.jsonl' } } }),
    );
    const seen: DatasetFile[] = [];
    const fake: DatasetReader = {
      async *rows(file) {
        seen.push(file as DatasetFile);
        yield { row: { q: 'three', a: '3' }, rowNumber: 1, location: 'x' } satisfies DatasetRow;
      },
      provenance: () => [],
    };
    expect((await allDocs(task, fake)).map((d) => d.doc)).toEqual([
      { prompt: 'Spell three as a digit.', target: '3', row: { row: { q: 'three', a: '3' }, rowNumber: 1, location: 'x' } },
    ]);
    expect(seen).toEqual([
      {
        name: 'custom/numbers',
        local: { path: 'org/numbers/data/test.jsonl', format: 'jsonl' },
        hub: { repo: 'org/numbers', revision: 'abc123', path: 'data/test.jsonl', format: 'jsonl' },
      },
    ]);
  });
});

describe('loadCustomTask row errors', () => {
  async function docsError(task: TaskDefinition<CustomTaskDoc>): Promise<DatasetError> {
    const error = await allDocs(task).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }

  it('names the file, row and variable a template needs but the row lacks', async () => {
    await writeFile(join(scratch, 'gap.jsonl'), '{"q": "one", "a": "1"}\n\n{"a": "2"}\n');
    const task = await loadCustomTask(await taskFile({ ...VALID, dataset: { path: 'gap.jsonl' } }));
    const error = await docsError(task);
    expect(error.row).toBe(2);
    expect(error.location).toBe(join(scratch, 'gap.jsonl'));
    expect(error.message).toContain(`${join(scratch, 'gap.jsonl')}, row 2: the row has no field "q", used by {{ q }} (prompt.template of ${join(scratch, 'task-')}`);
    expect(error.message).toMatch(/line 1, column 7\)\n {2}Fix: give every row a "q" field, .*\(row fields: a\)$/);
  });

  it('names the target template and a null field', async () => {
    await writeFile(join(scratch, 'null.jsonl'), '{"q": "one", "a": null}\n');
    const task = await loadCustomTask(await taskFile({ ...VALID, dataset: { path: 'null.jsonl' } }));
    expect((await docsError(task)).message).toMatch(/null\.jsonl, row 1: field "a" is null in this row, and \{\{ a \}\} outputs it \(target of /);
  });

  it('rejects a missing or duplicate id', async () => {
    await writeFile(join(scratch, 'ids.jsonl'), '{"id": 7, "q": "one", "a": "1"}\n{"id": "7", "q": "two", "a": "2"}\n{"q": "x", "a": "y"}\n');
    const task = await loadCustomTask(await taskFile({ ...VALID, dataset: { path: 'ids.jsonl', id_field: 'id' } }));
    const duplicate = await docsError(task);
    expect(duplicate.message).toMatch(/ids\.jsonl, row 2: id "7" \(field "id"\) was already used by an earlier row/);
    await writeFile(join(scratch, 'noid.jsonl'), '{"id": "a", "q": "one", "a": "1"}\n{"q": "x", "a": "y"}\n');
    const missing = await docsError(await loadCustomTask(await taskFile({ ...VALID, dataset: { path: 'noid.jsonl', id_field: 'id' } })));
    expect(missing.message).toMatch(/noid\.jsonl, row 2: id field "id" is missing/);
    expect(missing.row).toBe(2);
  });
});

describe('loadCustomTask validation', () => {
  const base = VALID;
  // Each bad file, the field its error must name, and text its message must hold (problem and fix).
  const CASES: Array<{ name: string; content: unknown; field: string; message: RegExp }> = [
    { name: 'unknown top-level key', content: { ...base, promt: 'x' }, field: '', message: /unknown key "promt"\n {2}Fix: valid keys here are: name, description, endpoint_types, dataset, prompt, stop, target, extraction, metric, judge_prompt, judge_score_regexes, judge_score_map, judge_unparsable_score, aggregation_functions, judge, defaults$/ },
    { name: 'unknown dataset key', content: { ...base, dataset: { file: 'rows.jsonl', path: 'rows.jsonl' } }, field: 'dataset', message: /unknown key "file"\n {2}Fix: valid keys here are: path, hub, format, id_field$/ },
    { name: 'unknown hub key', content: { ...base, dataset: { hub: { repo: 'a/b', revision: 'r', path: 'p.jsonl', branch: 'x' } } }, field: 'dataset.hub', message: /unknown key "branch"\n {2}Fix: valid keys here are: repo, revision, path, format$/ },
    { name: 'missing name', content: { ...base, name: undefined }, field: 'name', message: /missing \(expected string\)\n {2}Fix: e\.g\. name: capitals/ },
    { name: 'name with a dot', content: { ...base, name: 'a.b' }, field: 'name', message: /must start with a letter and hold only letters, digits, "_" and "-"\n {2}Fix:/ },
    { name: 'unsupported endpoint type', content: { ...base, endpoint_types: ['chat', 'embedding'] }, field: 'endpoint_types[1]', message: /must be one of "chat", "completions"\n {2}Fix: e\.g\. endpoint_types: \[chat\]/ },
    { name: 'no endpoint type', content: { ...base, endpoint_types: [] }, field: 'endpoint_types', message: /at least one endpoint type\n {2}Fix:/ },
    { name: 'repeated endpoint type', content: { ...base, endpoint_types: ['chat', 'chat'] }, field: 'endpoint_types', message: /lists an endpoint type twice\n {2}Fix:/ },
    { name: 'missing dataset', content: { ...base, dataset: undefined }, field: 'dataset', message: /missing \(expected object\)\n {2}Fix: e\.g\. dataset: \{path:/ },
    { name: 'path and hub', content: { ...base, dataset: { path: 'rows.jsonl', hub: { repo: 'a/b', revision: 'r', path: 'p' } } }, field: 'dataset', message: /needs exactly one of path: .* or hub: .*\n {2}Fix:/ },
    { name: 'bad hub repo', content: { ...base, dataset: { hub: { repo: 'numbers', revision: 'r', path: 'p.jsonl' } } }, field: 'dataset.hub.repo', message: /"org\/name"\n {2}Fix: the Hugging Face dataset repo as org\/name$/ },
    { name: 'missing hub revision', content: { ...base, dataset: { hub: { repo: 'a/b', path: 'p.jsonl' } } }, field: 'dataset.hub.revision', message: /missing \(expected string\)\n {2}Fix: pin a commit sha/ },
    { name: 'format beside hub', content: { ...base, dataset: { hub: { repo: 'a/b', revision: 'r', path: 'p.jsonl' }, format: 'csv' } }, field: 'dataset.format', message: /applies to path: only; a hub file takes hub\.format\n {2}Fix:/ },
    { name: 'unknown format', content: { ...base, dataset: { path: 'rows.jsonl', format: 'xlsx' } }, field: 'dataset.format', message: /must be one of "jsonl", "json", "csv", "parquet"\n {2}Fix:/ },
    { name: 'unknown extension', content: { ...base, dataset: { path: 'rows.txt' } }, field: 'dataset.format', message: /cannot tell the format of ".*rows\.txt" from its extension\n {2}Fix: set dataset\.format: to one of jsonl, json, csv, parquet$/ },
    { name: 'hub file of unknown extension', content: { ...base, dataset: { hub: { repo: 'a/b', revision: 'r', path: 'data/x' } } }, field: 'dataset.hub.format', message: /cannot tell the format of "data\/x" from its extension\n {2}Fix: set dataset\.hub\.format: to one of/ },
    { name: 'missing data file', content: { ...base, dataset: { path: 'nope.jsonl' } }, field: 'dataset.path', message: /no file at .*nope\.jsonl\n {2}Fix: give the data file path relative to the YAML file$/ },
    { name: 'empty id_field', content: { ...base, dataset: { path: 'rows.jsonl', id_field: '' } }, field: 'dataset.id_field', message: /must not be empty\n {2}Fix:/ },
    { name: 'missing prompt', content: { ...base, prompt: undefined }, field: 'prompt', message: /missing \(expected object\)\n {2}Fix: e\.g\. prompt: \{template:/ },
    { name: 'prompt as a string', content: { ...base, prompt: 'Spell {{ q }}' }, field: 'prompt', message: /expected object, received string\n {2}Fix:/ },
    { name: 'empty template', content: { ...base, prompt: { template: '' } }, field: 'prompt.template', message: /must not be empty\n {2}Fix: a nunjucks template/ },
    { name: 'template syntax', content: { ...base, prompt: { template: 'Spell {{ q ' } }, field: 'prompt.template', message: /is not a valid nunjucks template: expected variable end\n {2}Fix:/ },
    { name: 'system with completions', content: { ...base, endpoint_types: ['completions'], prompt: { template: 'x', system: 'Be terse.' } }, field: 'prompt.system', message: /chat endpoints only.*\n {2}Fix: .*set endpoint_types: \[chat\]$/ },
    { name: 'target syntax', content: { ...base, target: '{% if a %}' }, field: 'target', message: /is not a valid nunjucks template: .*\n {2}Fix: a nunjucks template over the row giving the gold answer/ },
    { name: 'stop as a string', content: { ...base, stop: '\n\n' }, field: 'stop', message: /expected array, received string\n {2}Fix: a list of non-empty strings/ },
    { name: 'empty stop string', content: { ...base, stop: ['x', ''] }, field: 'stop[1]', message: /must not be empty\n {2}Fix: a list/ },
    { name: 'fractional group_select', content: { ...base, extraction: { regex: '(x)', group_select: 1.5 } }, field: 'extraction.group_select', message: /expected int.*\n {2}Fix: an integer index into the list of matches/ },
    { name: 'bad regex', content: { ...base, extraction: { regex: '([a-' } }, field: 'extraction.regex', message: /Python regex "\(\[a-".*\n {2}Fix: a Python `re` pattern/ },
    { name: 'unknown extraction key', content: { ...base, extraction: { regex: 'x', group: 1 } }, field: 'extraction', message: /unknown key "group"\n {2}Fix: valid keys here are: regex, group_select, fallback$/ },
    { name: 'unknown metric', content: { ...base, metric: { type: 'bleu' } }, field: 'metric.type', message: /must be one of "exact_match", "contains"\n {2}Fix: exact_match or contains$/ },
    { name: 'exact_match option on contains', content: { ...base, metric: { type: 'contains', ignore_punctuation: true } }, field: 'metric.ignore_punctuation', message: /contains takes only ignore_case\n {2}Fix:/ },
    { name: 'non-boolean ignore_case', content: { ...base, metric: { type: 'exact_match', ignore_case: 'yes' } }, field: 'metric.ignore_case', message: /expected boolean.*\n {2}Fix: true or false$/ },
    { name: 'bad ignore regex', content: { ...base, metric: { type: 'exact_match', regexes_to_ignore: ['ok', '(?P<x>a)(?P=x)'] } }, field: 'metric.regexes_to_ignore[1]', message: /Python regex.*\n {2}Fix: a list of Python `re` patterns/ },
    { name: 'unknown param in defaults', content: { ...base, defaults: { max_tokens: 5 } }, field: 'defaults', message: /unknown key "max_tokens"\n {2}Fix: valid keys here are: limit_samples, max_new_tokens, max_retries, parallelism, task, temperature, request_timeout, top_p, extra$/ },
    { name: 'bad param value', content: { ...base, defaults: { max_new_tokens: -1 } }, field: 'defaults.max_new_tokens', message: /expected number to be >0\n {2}Fix: config params in snake_case/ },
    { name: 'param spelt twice', content: { ...base, defaults: { max_new_tokens: 5, maxNewTokens: 5 } }, field: 'defaults.maxNewTokens', message: /gives the same param twice.*\n {2}Fix: keep one spelling, in snake_case$/ },
    { name: 'not a mapping', content: '- a\n- b\n', field: '', message: /expected object, received array\n {2}Fix: write a YAML mapping with name:, dataset:, prompt: and target:/ },
    { name: 'YAML syntax', content: 'name: x\n  bad: [\n', field: '', message: /not valid YAML at line \d+: .*\n {2}Fix: fix the YAML syntax$/ },
  ];

  it.each(CASES)('$name names $field', async ({ content, field, message }) => {
    const path = await taskFile(content);
    const error = await loadCustomTask(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.field).toBe(field ? `${path}: ${field}` : path);
    expect(configError.message.startsWith(`${configError.field}: `)).toBe(true);
    expect(configError.message).toMatch(message);
  });

  it('names a file that does not exist', async () => {
    const path = join(scratch, 'missing.yaml');
    await expect(loadCustomTask(path)).rejects.toThrow(`${path}: cannot read the custom task file (no such file)\n  Fix: check the path to the custom task YAML`);
  });
});
