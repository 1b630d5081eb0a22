import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { JudgeClient } from '../adapters/judge-client.js';
import type { ModelClient } from '../adapters/model-client.js';
import type { ResolvedRun } from './config/resolve-run.js';
import type { EvaluationResult } from './config/schema.js';
import type { DatasetReader } from './datasets/dataset-reader.js';
import { AbortedError, BudgetExceededError, ConfigError, EndpointError } from './errors.js';
import { MetricAccumulator } from './results/metric-accumulator.js';
import { createDocLimit } from './doc-limit.js';
import { readSampleLog, SampleLog, type SampleRecord } from './results/sample-log.js';
import type { ModelPrompt, ModelResponse, SampleScore, SampleVerifier, TaskDefinition, TaskDoc } from './task.js';

export interface RunProgress {
  /** Samples finished, including ones resumed from an earlier run. */
  done: number;
  /**
   * Samples the run covers. With an integer `limitSamples` the docs are not counted up front (so
   * the first request goes out at once): it is the limit until the docs run out sooner, then the
   * number of docs.
   */
  total: number;
  /** Of `done`, how many came from samples.jsonl of an earlier run. */
  resumed: number;
  /** Requests that failed after all retries. */
  failed: number;
  elapsedMs: number;
}

export interface RunTaskOptions {
  data: DatasetReader;
  client: ModelClient;
  /** The judge model for a task that declares one (handed to its verifier). */
  judge?: JudgeClient;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
}

export interface RunOutcome {
  result: EvaluationResult;
  total: number;
  resumed: number;
  requested: number;
  /** Samples that failed after their retries (within `max_error_rate`); not in the scores. */
  errors: number;
  samplesPath: string;
  /** The task verifier's account of how samples were checked (e.g. sandbox isolation), if it has one. */
  scoring?: Record<string, unknown>;
}

type FinishedScores = Pick<SampleRecord, 'scores'>;

async function loadFinished(path: string): Promise<Map<string, FinishedScores>> {
  const finished = new Map<string, FinishedScores>();
  if (!existsSync(path)) return finished;
  // A sample recorded with an error is not finished: a rerun sends it again.
  for await (const record of readSampleLog(path)) if (!record.error) finished.set(record.id, { scores: record.scores });
  return finished;
}

/**
 * The ids of a doc's samples: the doc id itself for a task without `samplesPerDoc`, else
 * `<doc id>/<repeat>` for each repeat.
 */
function sampleIds(docId: string, perDoc: number | undefined): string[] {
  if (perDoc === undefined) return [docId];
  return Array.from({ length: perDoc }, (_, repeat) => `${docId}/${repeat}`);
}

/** What a run would send, as `--dry_run` reports it. */
export interface PlannedRequests {
  /** Docs the run covers (`limit_samples` applied). */
  docs: number;
  /** Samples those docs make (docs × the task's samples per doc). */
  samples: number;
  /** Of those, samples already in samples.jsonl without an error (they are resumed, not sent). */
  finished: number;
  /** Requests the run will make: `samples − finished` (before retries). */
  requests: number;
}

/** Counts the requests `runTask` would send for `run`, reading its docs and samples.jsonl. */
export async function planRequests(run: ResolvedRun, data: DatasetReader): Promise<PlannedRequests> {
  const limit = await createDocLimit(run.task, data, run.config.params);
  const finished = await loadFinished(join(run.config.outputDir, 'samples.jsonl'));
  const perDoc = run.task.samplesPerDoc?.(run.config.params);
  let docs = 0;
  let samples = 0;
  let resumed = 0;
  for await (const item of run.task.docs(data, run.config.params)) {
    if (limit.done()) break;
    if (!limit.admits(item)) continue;
    docs++;
    for (const id of sampleIds(item.id, perDoc)) {
      samples++;
      if (finished.has(id)) resumed++;
    }
  }
  return { docs, samples, finished: resumed, requests: samples - resumed };
}

/** One request to make: a doc, which of its samples, and the prompt to send. */
interface PendingSample {
  id: string;
  item: TaskDoc<unknown>;
  /** The doc's 0-based position in the run. */
  index: number;
  /** The sample's place in the run's sample order (index × samples per doc + repeat). */
  position: number;
  prompt: ModelPrompt;
}

/** The prompt as samples.jsonl records it (`prompt`, `messages` (+ `turns`) or `requests`). */
export function promptFields(prompt: ModelPrompt): Pick<SampleRecord, 'prompt' | 'messages' | 'requests' | 'turns'> {
  if (prompt.kind === 'chat') return { messages: prompt.messages };
  if (prompt.kind === 'multi-turn') return { messages: prompt.messages, turns: prompt.turns };
  if (prompt.kind === 'loglikelihood') return { requests: prompt.requests };
  return { prompt: prompt.prompt };
}

/** A reply as samples.jsonl records it: the text, the answer per turn, or the Loglikelihoods in lm-eval's snake_case. */
function recordedResponse(response: ModelResponse): SampleRecord['response'] {
  if (typeof response === 'string') return response;
  return response.map((r) => (typeof r === 'string' ? r : { logprob: r.logprob, is_greedy: r.isGreedy })) as SampleRecord['response'];
}

/**
 * The share of samples allowed to fail after their retries (`config.params.extra.max_error_rate`,
 * default 0): failed samples are recorded with their error and left out of the scores, so a run
 * that tolerates some must say so.
 */
function maxErrorRate(extra: Record<string, unknown> | undefined): number {
  const value = extra?.max_error_rate ?? 0;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new ConfigError('config.params.extra.max_error_rate', `must be a number from 0 to 1, got ${JSON.stringify(value)}`, 'e.g. 0.01 to accept up to 1% failed samples');
  }
  return value;
}

/** Thrown when more samples failed than `max_error_rate` allows; finished samples are on disk. */
function tooManyErrors(errors: number, total: number, rate: number, first: EndpointError): EndpointError {
  return new EndpointError(
    `${errors} of ${total} samples failed after their retries (more than max_error_rate ${rate}); first: ${first.message}`,
    first.url,
    first.status,
    'finished samples are saved and a rerun retries only the failed ones; fix the endpoint, raise config.params.max_retries / request_timeout, or set config.params.extra.max_error_rate to accept a share of failures',
  );
}

/**
 * Runs one task: streams its docs in order, builds each prompt in order (few-shot draws depend on
 * it), makes each doc's samples (one, or the task's `samplesPerDoc`, each with its own `seed` when
 * there are several), skips samples already in samples.jsonl, sends the rest with at most
 * `parallelism` requests in flight and a bounded queue behind them, scores each reply as it lands
 * (then completes the score with the task's verifier, if it has one, outside the request slots)
 * and appends it to samples.jsonl. A request that fails after its retries is recorded as an error
 * sample (not scored); once errors exceed `max_error_rate`, or on abort or any other failure, it
 * stops sending, lets in-flight samples settle, writes what finished, and throws. A
 * BudgetExceededError (the `cost` interceptor refusing a request) is a clean stop: it is no sample
 * error, and requests already in flight are not cancelled but finish and are saved before it is
 * thrown.
 */
export async function runTask(run: ResolvedRun, options: RunTaskOptions): Promise<RunOutcome> {
  const { task, config } = run;
  const { data, client, judge, signal, onProgress } = options;
  const parallelism = config.params.parallelism ?? 1;
  const samplesPath = join(config.outputDir, 'samples.jsonl');
  const finished = await loadFinished(samplesPath);
  const errorRate = maxErrorRate(config.params.extra);
  const perDoc = task.samplesPerDoc?.(config.params);
  const samplesOfDoc = perDoc ?? 1;
  const docLimit = await createDocLimit(task, data, config.params);
  const prompter = await task.createPrompter({ params: config.params, endpointType: run.target.apiEndpoint.type, data });
  const accumulator = new MetricAccumulator(task.sampleValueKeys);
  // Opened with the first sample to send, so a run whose dataset cannot be read leaves no samples.jsonl.
  let log: SampleLog | undefined;
  const limit = pLimit(parallelism);
  const startedAt = Date.now();
  const progress: RunProgress = { done: 0, total: docLimit.total * samplesOfDoc, resumed: 0, failed: 0, elapsedMs: 0 };
  const report = () => onProgress?.({ ...progress, elapsedMs: Date.now() - startedAt });
  const stop = new AbortController();
  const requestSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let failure: unknown = null;
  // Set once the budget is spent: nothing new is sent, but requests in flight keep their signal.
  let budgetSpent = false;
  const stopped = () => requestSignal.aborted || budgetSpent;
  let firstEndpointError: EndpointError | undefined;
  let wakeScheduler: (() => void) | null = null;
  const inFlight = new Set<Promise<void>>();
  let verifier: SampleVerifier<unknown> | undefined;

  async function scoreReply(response: ModelResponse, doc: unknown): Promise<SampleScore> {
    const scored = task.score(response, doc);
    return verifier ? verifier.verify(scored, doc, response) : scored;
  }

  async function sendOne(log: SampleLog, sample: PendingSample): Promise<void> {
    const sent = await limit(async () => {
      // Queued before the run stopped: leave it for a rerun.
      if (stopped()) return undefined;
      const started = performance.now();
      try {
        const reply = await client.generate(sample.prompt, requestSignal, sample.id);
        return { reply, latency: performance.now() - started };
      } catch (error) {
        if (!(error instanceof EndpointError) || requestSignal.aborted) throw error;
        return { error, latency: performance.now() - started };
      }
    });
    if (!sent) return;
    if (sent.error) {
      recordError(log, sample, sent.error, sent.latency);
      return;
    }
    const { reply, latency } = sent;
    const { item } = sample;
    const response = reply.loglikelihoods ?? reply.turns ?? reply.text;
    let scored: SampleScore;
    try {
      scored = await scoreReply(response, item.doc);
    } catch (error) {
      // A judge that still fails after its retries: the sample is an error, retried on a rerun.
      if (!(error instanceof EndpointError) || requestSignal.aborted) throw error;
      recordError(log, sample, error, latency);
      return;
    }
    const record: SampleRecord = {
      id: sample.id,
      index: sample.index,
      ...promptFields(sample.prompt),
      response: recordedResponse(response),
      extracted: scored.extracted,
      target: task.target(item.doc),
      scores: scored.scores,
      latency_ms: Math.round(latency),
    };
    if (scored.details) record.details = scored.details;
    if (item.subsets) record.subsets = item.subsets;
    if (reply.finishReason) record.finish_reason = reply.finishReason;
    if (reply.usage) record.usage = { prompt_tokens: reply.usage.promptTokens, completion_tokens: reply.usage.completionTokens };
    log.append(record);
    accumulator.add(scored.scores, item.subsets, sample.position);
    progress.done++;
    report();
  }

  function recordError(log: SampleLog, sample: PendingSample, error: EndpointError, latency: number): void {
    const record: SampleRecord = {
      id: sample.id,
      index: sample.index,
      ...promptFields(sample.prompt),
      error: { message: error.message, ...(error.status === undefined ? {} : { status: error.status }) },
      target: task.target(sample.item.doc),
      scores: {},
      latency_ms: Math.round(latency),
    };
    log.append(record);
    progress.failed++;
    firstEndpointError ??= error;
    if (progress.failed > errorRate * progress.total) {
      failure ??= progress.failed === 1 && errorRate === 0 ? error : tooManyErrors(progress.failed, progress.total, errorRate, firstEndpointError);
      stop.abort();
    }
    report();
  }

  function schedule(log: SampleLog, sample: PendingSample): void {
    const job = sendOne(log, sample).catch((error: unknown) => {
      if (error instanceof BudgetExceededError) {
        failure ??= error;
        budgetSpent = true;
        return;
      }
      if (requestSignal.aborted) return;
      failure ??= error;
      stop.abort();
      report();
    });
    const tracked = job.finally(() => {
      inFlight.delete(tracked);
      wakeScheduler?.();
    });
    inFlight.add(tracked);
  }

  try {
    verifier = await task.createVerifier?.(judge ? { params: config.params, judge, signal: requestSignal } : { params: config.params, signal: requestSignal });
    let index = 0;
    docs: for await (const item of task.docs(data, config.params)) {
      if (docLimit.done() || stopped()) break;
      if (!docLimit.admits(item)) continue;
      const prompt = prompter(item.doc, index);
      const ids = sampleIds(item.id, perDoc);
      for (const [repeat, id] of ids.entries()) {
        const earlier = finished.get(id);
        if (earlier) {
          accumulator.add(earlier.scores, item.subsets, index * samplesOfDoc + repeat);
          progress.done++;
          progress.resumed++;
          continue;
        }
        // Bounded memory: never more than one parallelism's worth of samples waiting behind those in flight.
        while (inFlight.size >= parallelism * 2 && !stopped()) {
          await new Promise<void>((resolve) => (wakeScheduler = resolve));
        }
        if (stopped()) break docs;
        log ??= await SampleLog.open(samplesPath);
        schedule(log, { id, item, index, position: index * samplesOfDoc + repeat, prompt: ids.length > 1 ? { ...prompt, seed: repeat } : prompt });
      }
      index++;
    }
    // A run with nothing left to send still leaves its samples.jsonl.
    log ??= await SampleLog.open(samplesPath);
    if (index < docLimit.total && !stopped()) progress.total = index * samplesOfDoc;
    report();
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    await log?.close();
    await verifier?.close();
  }
  if (failure) throw failure;
  if (signal?.aborted) throw new AbortedError(progress.done);
  const outcome: RunOutcome = {
    result: task.report(accumulator.snapshot()),
    total: progress.total,
    resumed: progress.resumed,
    requested: progress.done - progress.resumed + progress.failed,
    errors: progress.failed,
    samplesPath,
  };
  if (verifier) outcome.scoring = verifier.describe();
  return outcome;
}
