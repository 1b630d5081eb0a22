import { z } from 'zod';

/** One `interceptors:` entry: a bare name, or `{name, enabled, config}` (NeMo's InterceptorConfig). */
export const InterceptorEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    enabled: z.boolean().default(true),
    config: z.record(z.string(), z.unknown()).default({}),
  }),
]);
export type InterceptorEntry = z.infer<typeof InterceptorEntrySchema>;

/**
 * `target.api_endpoint.adapter_config`, shaped as NeMo's AdapterConfig. `interceptors` is the
 * ordered chain, outermost first; `mode`, `discovery`, `post_eval_hooks`, `endpoint_type` and
 * `log_failed_requests` are accepted for compatibility with NeMo configs.
 */
export const AdapterConfigSchema = z.strictObject({
  mode: z.enum(['server', 'client']).optional(),
  interceptors: z.array(InterceptorEntrySchema).optional(),
  post_eval_hooks: z.array(InterceptorEntrySchema).optional(),
  discovery: z.strictObject({ modules: z.array(z.string()).default([]), dirs: z.array(z.string()).default([]) }).optional(),
  endpoint_type: z.string().optional(),
  log_failed_requests: z.boolean().optional(),
});
export type AdapterConfig = z.infer<typeof AdapterConfigSchema>;

export interface NormalizedEntry {
  name: string;
  config: Record<string, unknown>;
}

/** Enabled entries as `{name, config}`, in order. */
export function enabledEntries(entries: readonly InterceptorEntry[]): NormalizedEntry[] {
  return entries
    .map((entry) => (typeof entry === 'string' ? { name: entry, enabled: true, config: {} } : entry))
    .filter((entry) => entry.enabled)
    .map(({ name, config }) => ({ name, config }));
}
