import { z } from 'zod';

/**
 * The public config shapes, field for field as NeMo Evaluator's api_dataclasses (camelCase here;
 * YAML and CLI also take NeMo's snake_case names, see `case.ts`). As in NeMo, every field is
 * optional in the input: defaults come from the harness and task, and what a run needs is checked
 * after merging (`resolve-run.ts`).
 */

export const ENDPOINT_TYPES = ['chat', 'completions', 'completions_logprob', 'embedding'] as const;
export const EndpointTypeSchema = z.enum(ENDPOINT_TYPES);
export type EndpointType = z.infer<typeof EndpointTypeSchema>;

const envVarName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the NAME of an environment variable holding the key, not the key itself');

export const ApiEndpointSchema = z.strictObject({
  /** Full endpoint URL including the path, e.g. `http://localhost:8000/v1/chat/completions`. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  modelId: z.string().min(1).optional(),
  type: EndpointTypeSchema.optional(),
  /** Name of the environment variable that holds the API key. The key itself is never stored. */
  apiKeyName: envVarName.optional(),
  stream: z.boolean().optional(),
  /** Interceptor pipeline configuration (see docs/adapters.md). */
  adapterConfig: z.record(z.string(), z.unknown()).optional(),
});
export type ApiEndpoint = z.infer<typeof ApiEndpointSchema>;

export const EvaluationTargetSchema = z.strictObject({
  apiEndpoint: ApiEndpointSchema.optional(),
  /**
   * evalforge extension: the judge model for every judged task of the run, in the fields of NeMo's
   * `config.params.extra.judge` (which overrides it per task); see docs/judge.md.
   */
  judge: z.record(z.string(), z.unknown()).optional(),
});
export type EvaluationTarget = z.infer<typeof EvaluationTargetSchema>;

export const ConfigParamsSchema = z.strictObject({
  /** First N samples (integer ≥ 1) or a fraction of the dataset (0 < x < 1). */
  limitSamples: z.number().positive().optional(),
  maxNewTokens: z.int().positive().optional(),
  maxRetries: z.int().min(0).optional(),
  parallelism: z.int().positive().optional(),
  /** Harness-internal task id; defaults to the task's own name. */
  task: z.string().optional(),
  temperature: z.number().min(0).optional(),
  /** Seconds before one request is abandoned (and retried). */
  requestTimeout: z.number().positive().optional(),
  topP: z.number().min(0).max(1).optional(),
  /** Harness-specific parameters, kept verbatim (e.g. `num_fewshot`). */
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type ConfigParams = z.infer<typeof ConfigParamsSchema>;

export const EvaluationConfigSchema = z.strictObject({
  /** Task name, `task` or `harness.task`. */
  type: z.string().min(1).optional(),
  outputDir: z.string().min(1).optional(),
  params: ConfigParamsSchema.optional(),
  supportedEndpointTypes: z.array(EndpointTypeSchema).optional(),
});
export type EvaluationConfig = z.infer<typeof EvaluationConfigSchema>;

/** A YAML run config (`--run_config`): NeMo's top-level `config:` and `target:`. */
export const RunConfigFileSchema = z.strictObject({
  config: EvaluationConfigSchema.optional(),
  target: EvaluationTargetSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type RunConfigFile = z.infer<typeof RunConfigFileSchema>;

const ScoreStatsSchema = z.object({
  count: z.number().optional(),
  sum: z.number().optional(),
  sumSquared: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  mean: z.number().optional(),
  variance: z.number().optional(),
  stddev: z.number().optional(),
  stderr: z.number().optional(),
});
export type ScoreStats = z.infer<typeof ScoreStatsSchema>;

export const ScoreSchema = z.object({ value: z.number(), stats: ScoreStatsSchema });
export type Score = z.infer<typeof ScoreSchema>;

export const MetricResultSchema = z.object({ scores: z.record(z.string(), ScoreSchema) });
export type MetricResult = z.infer<typeof MetricResultSchema>;

export const TaskResultSchema = z.object({ metrics: z.record(z.string(), MetricResultSchema) });
export type TaskResult = z.infer<typeof TaskResultSchema>;

export interface GroupResult {
  groups?: Record<string, GroupResult>;
  metrics: Record<string, MetricResult>;
}
export const GroupResultSchema: z.ZodType<GroupResult> = z.lazy(() =>
  z.object({
    groups: z.record(z.string(), GroupResultSchema).optional(),
    metrics: z.record(z.string(), MetricResultSchema),
  }),
);

export const EvaluationResultSchema = z.object({
  tasks: z.record(z.string(), TaskResultSchema),
  groups: z.record(z.string(), GroupResultSchema),
});
export type EvaluationResult = z.infer<typeof EvaluationResultSchema>;
