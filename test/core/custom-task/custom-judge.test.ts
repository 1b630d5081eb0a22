import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileCustomJudge, type JudgedSample } from '../../../src/core/custom-task/custom-judge.js';
import { loadCustomTask } from '../../../src/core/custom-task/load-custom-task.js';
import { createTemplateEnvironment } from '../../../src/core/custom-task/row-template.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError, DatasetError } from '../../../src/core/errors.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-custom-judge-'));
  await writeFile(join(scratch, 'rows.jsonl'), '{"q": "one", "a": "1", "response": "from the row"}\n{"q": "two", "a": "2"}\n');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const judgeOf = (spec: Parameters<typeof compileCustomJudge>[0]) => compileCustomJudge(spec, createTemplateEnvironment(), '/tasks/t.yaml');
const GRADE = { judge_prompt: { template: 'x' }, judge_score_regexes: [String.raw`\b([ABC])\b`], judge_score_map: { A: 1, B: 0, C: 0 } };

describe('custom judge: reading a reply', () => {
  it('maps the first regex group through judge_score_map', () => {
    const { read } = judgeOf(GRADE);
    expect(read('A')).toEqual({ value: { capture: 'A', score: 1 }, unparsable: false });
    expect(read('The predicted answer is wrong: B.')).toEqual({ value: { capture: 'B', score: 0 }, unparsable: false });
    // No standalone letter (the \b keeps "CORRECT" from reading as C); a capture the map lacks.
    expect(read('CORRECT')).toEqual({ value: { capture: null, score: null }, unparsable: true });
    expect(judgeOf({ ...GRADE, judge_score_regexes: ['([A-D])'] }).read('D')).toEqual({ value: { capture: 'D', score: null }, unparsable: true });
  });

  it('tries the regexes in list order, and stops at the first that matches even when its group is empty', () => {
    const { read } = judgeOf({ judge_prompt: { template: 'x' }, judge_score_regexes: [String.raw`Score: (\d+)`, String.raw`\[\[(\d+)\]\]`, String.raw`x(\d)|y`] });
    expect(read('[[3]] ... Score: 5')).toEqual({ value: { capture: '5', score: 5 }, unparsable: false });
    expect(read('[[3]]')).toEqual({ value: { capture: '3', score: 3 }, unparsable: false });
    // Llama Stack takes group(1) of the first match, None here, and looks no further.
    expect(judgeOf({ judge_prompt: { template: 'x' }, judge_score_regexes: [String.raw`x(\d)|y`, '(y)'] }).read('y')).toEqual({
      value: { capture: null, score: null },
      unparsable: true,
    });
  });

  it('reads the capture as a decimal number without a map, when average is wanted', () => {
    const { read } = judgeOf({ judge_prompt: { template: 'x' }, judge_score_regexes: [String.raw`Rating: ([0-9.eE+-]+)`] });
    expect(read('Rating: 7.5')).toEqual({ value: { capture: '7.5', score: 7.5 }, unparsable: false });
    expect(read('Rating: 1e1')).toEqual({ value: { capture: '1e1', score: 10 }, unparsable: false });
    expect(read('Rating: 7.5.1')).toEqual({ value: { capture: '7.5.1', score: null }, unparsable: true });
    // categorical_count alone needs no number.
    const counted = judgeOf({ judge_prompt: { template: 'x' }, judge_score_regexes: ['(yes|no)'], aggregation_functions: ['categorical_count'] });
    expect(counted.read('yes')).toEqual({ value: { capture: 'yes', score: null }, unparsable: false });
  });

  it('refuses a regex without a group, or one Python semantics cannot be kept for', () => {
    expect(() => judgeOf({ ...GRADE, judge_score_regexes: ['[ABC]'] })).toThrow(ConfigError);
    expect(() => judgeOf({ ...GRADE, judge_score_regexes: ['(A)', '[ABC]'] })).toThrow(/t\.yaml: judge_score_regexes\[1\]: "\[ABC\]" has no group/);
    expect(() => judgeOf({ ...GRADE, judge_score_regexes: [String.raw`(a)\1`] })).toThrow(/judge_score_regexes\[0\]/);
  });
});

describe('custom judge: messages', () => {
  const sample: JudgedSample = {
    row: { row: { q: 'one', a: '1', response: 'from the row' }, rowNumber: 1, location: '/data/rows.jsonl' },
    prompt: 'Spell one.',
    target: '1',
  };

  it('renders the user template over the row plus the Llama Stack names; the system template when given', () => {
    const judge = judgeOf({
      ...GRADE,
      judge_prompt: {
        system: 'You grade {{ q }}.',
        template: '{{ input_query }}|{{ expected_answer }}|{{ generated_answer }}|{{ response }}|{{ a }}',
      },
    });
    // `response` is the candidate's (cut at stop), not the row's field of that name.
    expect(judge.messages(sample, 'One')).toEqual([
      { role: 'system', content: 'You grade one.' },
      { role: 'user', content: 'Spell one.|1|One|One|1' },
    ]);
    expect(judgeOf({ ...GRADE, judge_prompt: { template: '{{ response }}' } }).messages(sample, 'One')).toEqual([{ role: 'user', content: 'One' }]);
  });
});

let count = 0;
async function taskFile(content: Record<string, unknown>): Promise<string> {
  const path = join(scratch, `judged-${++count}.yaml`);
  await writeFile(path, stringify(content));
  return path;
}
const JUDGED = {
  name: 'numbers',
  dataset: { path: './rows.jsonl' },
  prompt: { template: 'Spell {{ q }} as a digit.' },
  target: '{{ a }}',
  judge_prompt: { template: 'Q: {{ input_query }} Gold: {{ expected_answer }} Answer: {{ response }}' },
  judge_score_regexes: ['(A|B)'],
};

describe('loadCustomTask with a judge', () => {
  it('declares the judge defaults and scores nothing without the judge', async () => {
    const task = await loadCustomTask(await taskFile({ ...JUDGED, judge: { model_id: 'my-judge', temperature: 0 } }));
    expect(task.judge).toEqual({ model_id: 'my-judge', temperature: 0 });
    expect(task.createVerifier).toBeDefined();
    expect((await loadCustomTask(await taskFile(JUDGED))).judge).toEqual({});
    expect((await loadCustomTask(await taskFile({ ...JUDGED, judge_prompt: undefined, judge_score_regexes: undefined }))).judge).toBeUndefined();
  });

  const CASES: Array<{ name: string; content: Record<string, unknown>; field: string; message: RegExp }> = [
    { name: 'no regexes', content: { ...JUDGED, judge_score_regexes: undefined }, field: 'judge_score_regexes', message: /is required with judge_prompt/ },
    { name: 'empty regex list', content: { ...JUDGED, judge_score_regexes: [] }, field: 'judge_score_regexes', message: /at least one regex\n {2}Fix: a list of Python `re` patterns/ },
    { name: 'metric beside a judge', content: { ...JUDGED, metric: { type: 'exact_match' } }, field: 'metric', message: /does not apply to a judged task/ },
    { name: 'extraction beside a judge', content: { ...JUDGED, extraction: { regex: '(x)' } }, field: 'extraction', message: /does not apply to a judged task/ },
    { name: 'a map without a judge', content: { ...JUDGED, judge_prompt: undefined, judge_score_regexes: undefined, judge_score_map: { A: 1 } }, field: 'judge_score_map', message: /applies to judged tasks only: add judge_prompt/ },
    { name: 'non-numeric map value', content: { ...JUDGED, judge_score_map: { A: 'one' } }, field: 'judge_score_map.A', message: /expected number/ },
    { name: 'unknown aggregation', content: { ...JUDGED, aggregation_functions: ['median'] }, field: 'aggregation_functions[0]', message: /must be one of "average", "categorical_count"/ },
    { name: 'repeated aggregation', content: { ...JUDGED, aggregation_functions: ['average', 'average'] }, field: 'aggregation_functions', message: /lists an aggregation twice/ },
    { name: 'unknown judge field', content: { ...JUDGED, judge: { urll: 'x' } }, field: 'judge', message: /unknown key "urll"\n {2}Fix: valid keys here are: url, model_id, api_key, api_key_name, backend,/ },
    { name: 'a key instead of its variable name', content: { ...JUDGED, judge: { api_key_name: 'sk-abc123' } }, field: 'judge.api_key_name', message: /must be the NAME of an environment variable/ },
    { name: 'judge template syntax', content: { ...JUDGED, judge_prompt: { template: '{{ response ' } }, field: 'judge_prompt.template', message: /is not a valid nunjucks template/ },
  ];

  it.each(CASES)('$name names $field', async ({ content, field, message }) => {
    const path = await taskFile(content);
    const error = await loadCustomTask(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).field).toBe(`${path}: ${field}`);
    expect((error as ConfigError).message).toMatch(message);
  });

  it('fails on a row the judge template cannot render while reading the docs', async () => {
    const task = await loadCustomTask(await taskFile({ ...JUDGED, judge_prompt: { template: '{{ response }} {{ hint }}' } }));
    const docs = async () => {
      for await (const _ of task.docs(createDatasetReader({ offline: true }))) void _;
    };
    await expect(docs()).rejects.toThrow(DatasetError);
    await expect(docs()).rejects.toThrow(/rows\.jsonl, row 1: the row has no field "hint", used by \{\{ hint \}\} \(judge_prompt\.template of /);
  });
});
