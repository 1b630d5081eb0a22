import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, type EvaluateResult } from '../../../src/api/evaluate.js';
import type { ConfigParams } from '../../../src/core/config/schema.js';
import type { DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { Loglikelihood, LoglikelihoodRequest, ModelPrompt, TaskDefinition } from '../../../src/core/task.js';
import { lmEvalHarness } from '../../../src/harnesses/lm-eval/framework.js';
import { createMockServer } from '../../../src/testing/index.js';

type LoglikelihoodTask = TaskDefinition<any, readonly Loglikelihood[]>;

export function requestsOf(prompt: ModelPrompt): readonly LoglikelihoodRequest[] {
  if (prompt.kind !== 'loglikelihood') throw new Error(`expected a loglikelihood prompt, got ${prompt.kind}`);
  return prompt.requests;
}

/** Every doc's requests, in doc order, as the task builds them from `data` with `params`. */
export async function allRequests(task: LoglikelihoodTask, data: DatasetReader, params: ConfigParams = {}): Promise<LoglikelihoodRequest[][]> {
  const prompter = await task.createPrompter({ params, endpointType: 'completions', data });
  const out: LoglikelihoodRequest[][] = [];
  for await (const { doc } of task.docs(data)) out.push([...requestsOf(prompter(doc, out.length))]);
  return out;
}

/**
 * Runs `task` end to end with `evaluate()` (its default params, i.e. NeMo's few-shot count) against
 * the mock server, scripted so that request k of doc i has log-likelihood `lls[i][k]`: the mock
 * scores the last token of that request's text with it and every other token 0. The requests are
 * the task's own with its defaults, so a run that drew other shots would find no script and score 0.
 */
export async function runScripted(task: LoglikelihoodTask, reader: () => DatasetReader, lls: readonly (readonly number[])[]): Promise<EvaluateResult> {
  const script = new Map<string, number>();
  const requests = await allRequests(task, reader(), { extra: { ...task.defaults.extra } });
  requests.forEach((docRequests, i) => docRequests.forEach((r, k) => script.set(r.context + r.continuation, lls[i]?.[k] as number)));
  const server = await createMockServer({ logprobs: (prefix, token) => script.get(prefix + token) ?? 0 });
  try {
    return await evaluate(
      { type: task.name, outputDir: await mkdtemp(join(tmpdir(), `evalforge-${task.name}-`)), params: { parallelism: 2 } },
      { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions' } },
      { registry: new TaskRegistry([{ ...lmEvalHarness, tasks: [task] }]), data: reader() },
    );
  } finally {
    await server.close();
  }
}

/** `evaluate()` of `task` against a chat endpoint (nothing listens: resolving the run must refuse it first). */
export async function runAgainstChat(task: LoglikelihoodTask): Promise<EvaluateResult> {
  return evaluate(
    { type: task.name, outputDir: await mkdtemp(join(tmpdir(), `evalforge-${task.name}-`)) },
    { apiEndpoint: { url: 'http://127.0.0.1:9/v1/chat/completions', modelId: 'mock', type: 'chat' } },
    { registry: new TaskRegistry([{ ...lmEvalHarness, tasks: [task] }]) },
  );
}
