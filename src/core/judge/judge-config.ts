import { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { ResolvedEndpoint } from '../config/resolve-run.js';
import type { ConfigParams } from '../config/schema.js';
import { parseConfig } from '../config/validation-errors.js';

const envVarName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the NAME of an environment variable holding the key, not the key itself');

/**
 * A judge endpoint as NeMo configures it under a task's `config.params.extra.judge` (snake_case, as
 * NeMo's simple_evals and mtbench containers take them), or for every judged task of a run under
 * `target.judge`. `api_key` (simple_evals) and `api_key_name` (mtbench) both name the environment
 * variable holding the key. `adapter_config` is the judge's own interceptor chain (default: caching
 * and response_stats, written under `<output_dir>/judge/`).
 */
export const JudgeConfigSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).nullable().optional(),
  model_id: z.string().min(1).nullable().optional(),
  api_key: envVarName.nullable().optional(),
  api_key_name: envVarName.nullable().optional(),
  /** NeMo's judge client kind (`openai`, `generic`); every judge here is an OpenAI-compatible chat endpoint. */
  backend: z.string().nullable().optional(),
  request_timeout: z.number().positive().nullable().optional(),
  max_retries: z.int().min(0).nullable().optional(),
  temperature: z.number().min(0).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  max_tokens: z.int().positive().nullable().optional(),
  parallelism: z.int().positive().nullable().optional(),
  adapter_config: z.record(z.string(), z.unknown()).nullable().optional(),
  /**
   * evalforge extension: how many times to ask again, with a new `seed`, when a reply holds no
   * verdict the task can read (default 0: the task's reference rule for unreadable replies applies).
   */
  reask_unparsable: z.int().min(0).nullable().optional(),
});
export type JudgeConfig = z.infer<typeof JudgeConfigSchema>;

/** A judge ready to be called: its endpoint (always chat) and the params its calls carry. */
export interface ResolvedJudge {
  endpoint: ResolvedEndpoint;
  params: ConfigParams;
  /** Extra asks for a reply without a readable verdict (`reask_unparsable`). */
  reaskUnparsable: number;
}

/** Drops null/undefined so a later layer never erases an earlier value (as the run config merge). */
function defined(config: JudgeConfig | undefined): JudgeConfig {
  return Object.fromEntries(Object.entries(config ?? {}).filter(([, v]) => v !== null && v !== undefined)) as JudgeConfig;
}

/**
 * The judge of one run: the task's defaults, then `target.judge`, then the task's
 * `config.params.extra.judge`, later values winning field by field. A missing url or model id is a
 * ConfigError naming the field to set.
 */
export function resolveJudge(taskDefaults: JudgeConfig, globalJudge: unknown, taskJudge: unknown): ResolvedJudge {
  const merged: JudgeConfig = {
    ...defined(taskDefaults),
    ...defined(globalJudge === undefined ? undefined : parseConfig(JudgeConfigSchema, globalJudge, 'target.judge')),
    ...defined(taskJudge === undefined ? undefined : parseConfig(JudgeConfigSchema, taskJudge, 'config.params.extra.judge')),
  };
  if (!merged.url) {
    throw new ConfigError('config.params.extra.judge.url', 'missing: this task is scored by a judge model', 'set the judge endpoint URL incl. path, e.g. http://localhost:8001/v1/chat/completions (or target.judge.url for every judged task)');
  }
  if (!merged.model_id) throw new ConfigError('config.params.extra.judge.model_id', 'missing', 'set the judge model name served at the judge URL');
  const apiKeyName = merged.api_key_name ?? merged.api_key;
  const endpoint: ResolvedEndpoint = { url: merged.url, modelId: merged.model_id, type: 'chat' };
  if (apiKeyName) endpoint.apiKeyName = apiKeyName;
  if (merged.adapter_config) endpoint.adapterConfig = merged.adapter_config;
  const params: ConfigParams = { parallelism: merged.parallelism ?? 1 };
  if (merged.request_timeout != null) params.requestTimeout = merged.request_timeout;
  if (merged.max_retries != null) params.maxRetries = merged.max_retries;
  if (merged.temperature != null) params.temperature = merged.temperature;
  if (merged.top_p != null) params.topP = merged.top_p;
  if (merged.max_tokens != null) params.maxNewTokens = merged.max_tokens;
  return { endpoint, params, reaskUnparsable: merged.reask_unparsable ?? 0 };
}
