import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import { parseConfig } from '../../core/config/validation-errors.js';
import type { NormalizedEntry } from './adapter-config.js';

const FIELD = 'target.api_endpoint.adapter_config';
const stringList = z.array(z.string());
const stringMap = z.record(z.string(), z.string());

/** NeMo's flat (legacy) adapter_config flags, with NeMo's defaults. */
const LegacyFlagsSchema = z.strictObject({
  use_caching: z.boolean().default(true),
  caching_dir: z.string().optional(),
  save_responses: z.boolean().default(false),
  save_requests: z.boolean().default(false),
  max_saved_requests: z.int().min(0).optional(),
  max_saved_responses: z.int().min(0).optional(),
  use_system_prompt: z.boolean().default(false),
  custom_system_prompt: z.string().optional(),
  use_request_logging: z.boolean().default(false),
  max_logged_requests: z.int().min(0).optional(),
  use_response_logging: z.boolean().default(false),
  max_logged_responses: z.int().min(0).optional(),
  use_reasoning: z.boolean().default(false),
  process_reasoning_traces: z.boolean().default(false),
  start_reasoning_token: z.string().optional(),
  end_reasoning_token: z.string().default('</think>'),
  include_if_reasoning_not_finished: z.boolean().optional(),
  track_reasoning: z.boolean().optional(),
  use_progress_tracking: z.boolean().default(false),
  progress_tracking_url: z.string().optional(),
  progress_tracking_interval: z.int().positive().default(1),
  use_raise_client_errors: z.boolean().default(false),
  tracking_requests_stats: z.boolean().default(true),
  logging_aggregated_stats_interval: z.int().positive().optional(),
  params_to_add: z.record(z.string(), z.unknown()).optional(),
  params_to_remove: stringList.optional(),
  params_to_rename: stringMap.optional(),
  headers_to_add: stringMap.optional(),
  headers_to_remove: stringList.optional(),
  headers_to_rename: stringMap.optional(),
  // Accepted so NeMo configs load; evalforge has no HTML report hook and no NVCF/omni interceptors.
  generate_html_report: z.boolean().optional(),
  html_report_size: z.int().optional(),
  include_json: z.boolean().optional(),
  use_nvcf: z.literal(false).optional(),
  use_omni_info: z.literal(false).optional(),
  output_dir: z.string().optional(),
});

export const LEGACY_FLAG_NAMES: ReadonlySet<string> = new Set(Object.keys(LegacyFlagsSchema.shape));

function defined(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
}

/**
 * Turns NeMo's legacy flat flags (`use_caching`, `use_system_prompt`, ...) into the interceptor
 * chain NeMo generates from them, in NeMo's order: system_message, payload_modifier,
 * request_logging, caching, endpoint, response_stats, response_logging, reasoning,
 * progress_tracking. (`use_raise_client_errors` needs no step: the retry step already returns
 * client errors at once.)
 */
export function legacyFlagsToEntries(flags: Record<string, unknown>, outputDir: string | undefined): NormalizedEntry[] {
  const legacy = parseConfig(LegacyFlagsSchema, flags, FIELD);
  const entries: NormalizedEntry[] = [];
  if (legacy.use_system_prompt) {
    if (!legacy.custom_system_prompt) {
      throw new ConfigError(`${FIELD}.custom_system_prompt`, 'missing while use_system_prompt is true', 'set the system prompt text');
    }
    entries.push({ name: 'system_message', config: { system_message: legacy.custom_system_prompt } });
  }
  const payload = defined({
    params_to_add: legacy.params_to_add,
    params_to_remove: legacy.params_to_remove,
    params_to_rename: legacy.params_to_rename,
    headers_to_add: legacy.headers_to_add,
    headers_to_remove: legacy.headers_to_remove,
    headers_to_rename: legacy.headers_to_rename,
  });
  if (Object.keys(payload).length > 0) entries.push({ name: 'payload_modifier', config: payload });
  if (legacy.use_request_logging) entries.push({ name: 'request_logging', config: defined({ max_requests: legacy.max_logged_requests }) });
  if (legacy.use_caching || legacy.save_requests || legacy.save_responses) {
    const cacheDir = legacy.caching_dir ?? (legacy.output_dir ?? outputDir ? `${legacy.output_dir ?? outputDir}/cache` : undefined);
    entries.push({
      name: 'caching',
      config: defined({
        cache_dir: cacheDir,
        reuse_cached_responses: legacy.use_caching,
        save_requests: legacy.save_requests,
        save_responses: legacy.save_responses || legacy.use_caching,
        max_saved_requests: legacy.max_saved_requests,
        max_saved_responses: legacy.max_saved_responses,
      }),
    });
  }
  entries.push({ name: 'endpoint', config: {} });
  if (legacy.tracking_requests_stats) entries.push({ name: 'response_stats', config: {} });
  if (legacy.use_response_logging) entries.push({ name: 'response_logging', config: defined({ max_responses: legacy.max_logged_responses }) });
  if (legacy.use_reasoning || legacy.process_reasoning_traces) {
    entries.push({
      name: 'reasoning',
      config: defined({
        start_reasoning_token: legacy.start_reasoning_token,
        end_reasoning_token: legacy.end_reasoning_token,
        include_if_not_finished: legacy.include_if_reasoning_not_finished,
        enable_reasoning_tracking: legacy.track_reasoning,
      }),
    });
  }
  if (legacy.use_progress_tracking) {
    entries.push({
      name: 'progress_tracking',
      config: defined({
        progress_tracking_url: legacy.progress_tracking_url,
        progress_tracking_interval: legacy.progress_tracking_interval,
        request_method: 'POST',
        output_dir: legacy.output_dir ?? outputDir,
      }),
    });
  }
  return entries;
}
