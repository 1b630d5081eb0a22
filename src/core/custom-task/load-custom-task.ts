import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { DatasetReader, DatasetRow } from '../datasets/dataset-reader.js';
import { DatasetError } from '../errors.js';
import type { ChatMessage, ModelPrompt, TaskDefinition, TaskDoc } from '../task.js';
import { compileCustomJudge } from './custom-judge.js';
import { customJudgedTaskReport } from './custom-judge-report.js';
import { customDatasetFile, rowId } from './custom-task-dataset.js';
import { customTaskReport } from './custom-task-report.js';
import { customTaskScorer } from './custom-task-scorer.js';
import type { CustomTaskFile } from './custom-task-schema.js';
import { readCustomTaskFile } from './read-custom-task-file.js';
import { compileRowTemplate, createTemplateEnvironment } from './row-template.js';

/** One sample of a custom task: the row's rendered prompt, system message and gold answer. */
export interface CustomTaskDoc {
  prompt: string;
  system?: string;
  target: string;
  /** The row they were rendered from (a judged task renders its judge prompt from it). */
  row: DatasetRow;
}

/**
 * Reads a custom task YAML file (format: docs/custom-tasks.md) and returns its TaskDefinition, to
 * be registered under the `custom` harness. Everything that can be checked without reading rows is
 * checked here (schema, templates, Python patterns, the local data file's existence), as
 * ConfigErrors naming the file, the field and the fix.
 *
 * Templates are compiled once. Each row is rendered while the docs are streamed, so a row a
 * template cannot render fails the run (DatasetError naming file, row and variable) before any
 * request is sent. `version` is a hash of the YAML text, so editing the file never resumes from
 * samples of the old definition.
 *
 * A file with `judge_prompt` is a judged task: its `judge:` block gives the task's judge defaults,
 * and each response is scored by the judge model (compileCustomJudge) instead of `metric`.
 */
export async function loadCustomTask(path: string): Promise<TaskDefinition<CustomTaskDoc>> {
  const source = await readCustomTaskFile(path);
  const { spec, path: file } = source;
  const endpointTypes = spec.endpoint_types ?? ['chat'];
  const env = createTemplateEnvironment();
  const renderPrompt = compileRowTemplate(env, spec.prompt.template, 'prompt.template', file);
  const renderSystem = spec.prompt.system === undefined ? undefined : compileRowTemplate(env, spec.prompt.system, 'prompt.system', file);
  const renderTarget = compileRowTemplate(env, spec.target, 'target', file);
  const judge = spec.judge_prompt ? compileCustomJudge(spec, env, file) : undefined;
  const scoring: Pick<TaskDefinition<CustomTaskDoc>, 'score' | 'report' | 'judge' | 'createVerifier'> = judge
    ? {
        judge: spec.judge ?? {},
        // The judge gives the score: the verifier fills it in.
        score: () => ({ extracted: {}, scores: {} }),
        createVerifier: async (ctx) => judge.createVerifier(ctx),
        report: (totals) => customJudgedTaskReport(spec.name, spec.aggregation_functions ?? ['average'], totals),
      }
    : scoredByMetric(spec, file);
  const dataset = await customDatasetFile(spec.dataset, spec.name, file);
  const idField = spec.dataset.id_field;
  const stop = spec.stop ?? [];

  async function* docs(data: DatasetReader): AsyncGenerator<TaskDoc<CustomTaskDoc>> {
    const seen = new Set<string>();
    for await (const row of data.rows(dataset)) {
      const id = rowId(row, idField);
      if (seen.has(id)) {
        throw new DatasetError(
          `${row.location}, row ${row.rowNumber}: id "${id}" (field "${idField}") was already used by an earlier row`,
          row.location,
          row.rowNumber,
          'sample ids must be unique: fix the data, or remove dataset.id_field to number rows from 0',
        );
      }
      seen.add(id);
      const doc: CustomTaskDoc = { prompt: renderPrompt(row), target: renderTarget(row), row };
      if (renderSystem) doc.system = renderSystem(row);
      judge?.check(doc);
      yield { id, doc };
    }
  }

  function prompt(kind: 'chat' | 'completions', doc: CustomTaskDoc): ModelPrompt {
    const stopField = stop.length > 0 ? { stop: [...stop] } : {};
    if (kind === 'completions') return { kind, prompt: doc.prompt, ...stopField };
    const messages: ChatMessage[] = doc.system === undefined ? [] : [{ role: 'system', content: doc.system }];
    messages.push({ role: 'user', content: doc.prompt });
    return { kind, messages, ...stopField };
  }

  return {
    name: spec.name,
    harness: 'custom',
    description: spec.description ?? `Custom task from ${basename(file)}`,
    version: createHash('sha256').update(source.text).digest('hex').slice(0, 12),
    reference: file,
    endpointTypes,
    defaults: source.defaults,
    docs,
    createPrompter: async ({ endpointType }) => {
      const kind = endpointType === 'completions' ? 'completions' : 'chat';
      return (doc) => prompt(kind, doc);
    },
    target: (doc) => doc.target,
    ...scoring,
  };
}

/** Scoring by `extraction` and `metric`, in-process. */
function scoredByMetric(spec: CustomTaskFile, file: string): Pick<TaskDefinition<CustomTaskDoc>, 'score' | 'report'> {
  const score = customTaskScorer(spec, file);
  const metricKey = spec.metric?.type ?? 'exact_match';
  return {
    score: (response, doc) => score(response, doc.target),
    report: (totals) => customTaskReport(spec.name, metricKey, totals),
  };
}
