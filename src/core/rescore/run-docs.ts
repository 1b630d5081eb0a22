import { createHash } from 'node:crypto';
import type { ResolvedRun } from '../config/resolve-run.js';
import { canonicalJson } from '../datasets/canonical-json.js';
import type { DatasetReader } from '../datasets/dataset-reader.js';
import { createDocLimit } from '../doc-limit.js';
import { DatasetError } from '../errors.js';
import type { SampleRecord } from '../results/sample-log.js';
import { promptFields } from '../runner.js';
import type { TaskDoc } from '../task.js';

/** A doc of the run, as the current task definition reads and prompts it. */
export interface RunDoc {
  item: TaskDoc<unknown>;
  /** Its 0-based position in the run (samples.jsonl `index`). */
  index: number;
  /** sha256 of the canonical JSON of the prompt the task builds for it now (see `recordedPromptHash`). */
  promptHash: string;
}

const hash = (fields: unknown) => createHash('sha256').update(canonicalJson(fields)).digest('hex');

/** The same hash of the prompt a sample recorded (`prompt`, `messages`, `turns`, `requests`). */
export function recordedPromptHash(record: SampleRecord): string {
  const { prompt, messages, turns, requests } = record;
  return hash({ prompt, messages, turns, requests });
}

/**
 * The doc id a sample id belongs to: the id itself, or for a task that draws several samples per
 * doc (`samplesPerDoc`) the id without its `/<repeat>` suffix; with that repeat (0 otherwise).
 */
export function docOfSample(sampleId: string, repeats: boolean): { docId: string; repeat: number } {
  if (!repeats) return { docId: sampleId, repeat: 0 };
  const slash = sampleId.lastIndexOf('/');
  return { docId: sampleId.slice(0, slash), repeat: Number(sampleId.slice(slash + 1)) };
}

/**
 * Reads the run's docs as the runner does (its `limit_samples`, the prompter called once per doc in
 * doc order so few-shot draws come out the same) and keeps those in `wanted`, with their position
 * and a hash of their prompt; it stops once all are found. A wanted id missing from the dataset is a
 * DatasetError: the samples came from another dataset revision or another `limit_samples`.
 */
export async function readRunDocs(run: ResolvedRun, data: DatasetReader, wanted: ReadonlySet<string>): Promise<Map<string, RunDoc>> {
  const { task, config } = run;
  const found = new Map<string, RunDoc>();
  if (wanted.size === 0) return found;
  const limit = await createDocLimit(task, data, config.params);
  const prompter = await task.createPrompter({ params: config.params, endpointType: run.target.apiEndpoint.type, data });
  let index = 0;
  for await (const item of task.docs(data, config.params)) {
    if (limit.done()) break;
    if (!limit.admits(item)) continue;
    const prompt = prompter(item.doc, index);
    if (wanted.has(item.id)) found.set(item.id, { item, index, promptHash: hash(promptFields(prompt)) });
    index++;
    if (found.size === wanted.size) break;
  }
  const missing = [...wanted].filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new DatasetError(
      `${missing.length} sample(s) in samples.jsonl belong to docs the task does not read now (first: ${missing.slice(0, 3).join(', ')})`,
      undefined,
      undefined,
      'rescore needs the dataset revision and limit_samples the run used (see results.yml evalforge.datasets)',
    );
  }
  return found;
}
