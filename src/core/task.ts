import type { JudgeClient } from '../adapters/judge-client.js';
import type { DatasetReader } from './datasets/dataset-reader.js';
import type { JudgeConfig } from './judge/judge-config.js';
import type { ConfigParams, EndpointType } from './config/schema.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * One continuation to score: the log-probability the model gives `continuation` right after
 * `context` (lm-evaluation-harness's `loglikelihood` request, e.g. context "…Answer:" and
 * continuation " B").
 */
export interface LoglikelihoodRequest {
  context: string;
  continuation: string;
}

/** The model's verdict on one LoglikelihoodRequest. */
export interface Loglikelihood {
  /** Sum of the continuation tokens' log-probabilities (natural log). */
  logprob: number;
  /** Whether every continuation token was the model's most likely token at its position. */
  isGreedy: boolean;
}

/**
 * What a task asks the model for one sample. Generation params come from the merged config; `seed`
 * (sent as the request's `seed`) is set by the runner when a doc is sampled more than once. A
 * `loglikelihood` prompt generates nothing: it asks a completions endpoint to score each request's
 * continuation (all of a doc's requests in one call) and the sample's response is the list of
 * Loglikelihoods in request order.
 */
export type ModelPrompt =
  | { kind: 'completions'; prompt: string; stop?: string[]; seed?: number }
  | { kind: 'chat'; messages: ChatMessage[]; stop?: string[]; seed?: number }
  | { kind: 'loglikelihood'; requests: readonly LoglikelihoodRequest[]; stop?: undefined; seed?: number }
  | MultiTurnPrompt;

/**
 * A conversation the model answers turn by turn (MT-Bench): `messages` (e.g. a system message),
 * then each of `turns` as a user message, each sent with every earlier turn and the model's answers
 * to them; one chat request per turn, in order. The sample's response is the list of answers.
 */
export interface MultiTurnPrompt {
  kind: 'multi-turn';
  messages: ChatMessage[];
  turns: readonly string[];
  stop?: string[];
  seed?: number;
}

/**
 * A sample's model output: generated text, one Loglikelihood per request of a `loglikelihood`
 * prompt, or one answer per turn of a `multi-turn` prompt.
 */
export type ModelResponse = string | readonly Loglikelihood[] | readonly string[];

/** The outcome of scoring one response: the answer each extractor found and each metric's value. */
export interface SampleScore {
  /** Extracted answer per filter/extractor name (lm-eval filter name, or `answer`). */
  extracted: Record<string, string | null>;
  /** Metric key → value. Keys are what results aggregate (e.g. `exact_match,strict-match`). */
  scores: Record<string, number>;
  /** Task-specific facts about how the sample was scored (e.g. a code run's verdict), kept in samples.jsonl. */
  details?: Record<string, unknown>;
}

/** One evaluation item, produced in the dataset's canonical order. */
export interface TaskDoc<Doc> {
  /** Stable, deterministic id (same across runs for the same dataset revision). */
  id: string;
  doc: Doc;
  /** Subsets the sample counts toward in addition to the task total (e.g. an MMLU subject). */
  subsets?: readonly string[];
  /** The lm-eval subtask the doc belongs to, for a task whose `limit_samples` applies per subtask. */
  subtask?: string;
}

/** Aggregated values for one metric over some set of samples. */
export interface MetricStats {
  count: number;
  sum: number;
  sumSquared: number;
  /**
   * Every sample's value, for a metric key the task lists in `sampleValueKeys`, in the whole-task
   * totals (subset `''`) only: one entry per sample that recorded any listed key, in the run's
   * sample order (doc order, then repeat), NaN where the sample lacks this key. So the values of the
   * listed keys line up sample by sample, and resampling them is the same on every run.
   */
  values?: readonly number[];
}

/** Everything the runner accumulated, keyed by subset (`''` = the whole task) then metric key. */
export type MetricTotals = ReadonlyMap<string, ReadonlyMap<string, MetricStats>>;

export interface PromptContext {
  params: ConfigParams;
  endpointType: EndpointType;
  data: DatasetReader;
}

/** What a task's verifier gets once per run. */
export interface VerifierContext {
  params: ConfigParams;
  /** The run's judge model, for a task that declares `judge`. */
  judge?: JudgeClient;
  /** Aborts when the run stops (Ctrl-C, too many errors): pass it to judge calls. */
  signal?: AbortSignal;
}

/**
 * The asynchronous second half of scoring, for checks that need I/O (running generated code in a
 * sandbox): it completes what the pure `score` returned. One per run.
 */
export interface SampleVerifier<Doc> {
  /**
   * Completes `scored` (the result of `score` for `response` and `doc`). Never rejects for anything
   * a response can contain. An EndpointError (a judge that still fails after its retries) makes the
   * sample an error sample, as a failed model request does; any other rejection means the verifier
   * itself broke and stops the run.
   */
  verify(scored: SampleScore, doc: Doc, response: ModelResponse): Promise<SampleScore>;
  /** How samples were verified (e.g. the sandbox's isolation level), for results.yml `evalforge.scoring`. */
  describe(): Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * A built-in task: a dataset, a prompt builder, a scorer and how its numbers are reported.
 * The runner knows nothing task-specific beyond this interface.
 */
export interface TaskDefinition<Doc = unknown, Response extends ModelResponse = string> {
  /** Name users put in `config.type` (e.g. `gsm8k`). */
  name: string;
  /** NeMo harness name this task mirrors (e.g. `lm-evaluation-harness`, `simple_evals`). */
  harness: string;
  /** One line for `evalforge ls`. */
  description: string;
  /** Version of the task definition; bump when prompts, extraction or metrics change. */
  version: string;
  /** Where the task definition comes from (reference repo, commit, file). */
  reference: string;
  endpointTypes: readonly EndpointType[];
  /**
   * What the endpoint must offer beyond its type (NeMo's `required_capabilities`): `logprobs` for
   * log-likelihood tasks, which need prompt log-probabilities from a completions endpoint.
   */
  requiredCapabilities?: readonly 'logprobs'[];
  /**
   * `limit_samples` applies within each doc's `subtask` rather than to the whole stream, as lm-eval's
   * `--limit` does for the subtasks of a group (NeMo passes `limit_samples` as `--limit`).
   */
  limitPerSubtask?: boolean;
  /** Task-level defaults, merged over the harness defaults and under the user's config. */
  defaults: Partial<ConfigParams>;
  /**
   * Streams the evaluation docs in canonical order. `params` are the run's (absent when a tool reads
   * the docs without a run): a task whose doc list depends on them (GPQA's `n_samples` passes, each a
   * new shuffle) reads them here.
   */
  docs(data: DatasetReader, params?: ConfigParams): AsyncIterable<TaskDoc<Doc>>;
  /**
   * Returns the prompt builder for one run. It is called once per doc, in doc order, including docs
   * a resumed run skips, because few-shot draws can depend on every earlier doc.
   */
  createPrompter(ctx: PromptContext): Promise<(doc: Doc, index: number) => ModelPrompt>;
  /** The gold answer as recorded in samples.jsonl. */
  target(doc: Doc): string;
  /**
   * Pure: extracts and scores one response (the text, or the Loglikelihoods of a `loglikelihood`
   * prompt). Never throws for any response.
   */
  score(response: Response, doc: Doc): SampleScore;
  /**
   * How many samples to draw per doc (e.g. `n_samples` for pass@k). For a task that defines it,
   * each is its own request and samples.jsonl line with id `<doc id>/<repeat>` (repeat 0-based),
   * and, when there are several, request `seed` = repeat, so sampled repeats differ and a response
   * cache keeps them apart. `limit_samples` still counts docs. Without it: one sample per doc, id
   * `<doc id>`.
   */
  samplesPerDoc?(params: ConfigParams): number;
  /** When present, every `score` result is completed by this run's verifier before it is recorded. */
  createVerifier?(ctx: VerifierContext): Promise<SampleVerifier<Doc>>;
  /**
   * For a task scored by a judge model: its judge defaults (NeMo's `extra.judge` fields), under
   * `target.judge` and the run's `config.params.extra.judge`. The run resolves the judge before any
   * request is sent and gives it to `createVerifier`.
   */
  judge?: JudgeConfig;
  /**
   * The task scores without a judge unless one is configured (a judge url in `target.judge` or
   * `config.params.extra.judge`): e.g. MATH's rule-based checker standing in for the LLM one.
   */
  judgeOptional?: boolean;
  /**
   * Per-sample metric keys whose values `report` needs one by one (in MetricStats `values`), e.g. to
   * bootstrap the stderr of a metric that is not a mean of them. Costs 8 bytes per sample and key.
   */
  sampleValueKeys?: readonly string[];
  /** Turns the accumulated totals into NeMo's `results:` layout. */
  report(totals: MetricTotals): import('./config/schema.js').EvaluationResult;
}
