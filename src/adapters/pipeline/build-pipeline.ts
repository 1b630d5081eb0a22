import { ConfigError } from '../../core/errors.js';
import { parseConfig } from '../../core/config/validation-errors.js';
import { AdapterConfigSchema, enabledEntries, type NormalizedEntry } from './adapter-config.js';
import { createFailedRequestLog } from '../logging/failed-request-log.js';
import { compose } from './compose.js';
import { drainOffReplyPath } from './off-reply-path.js';
import type { InterceptorDefinition, PipelineEnvironment } from './interceptor-definition.js';
import { BUILT_IN_INTERCEPTORS, DEFAULT_CHAIN } from './interceptor-registry.js';
import { LEGACY_FLAG_NAMES, legacyFlagsToEntries } from './legacy-adapter-config.js';
import type { Handler, InterceptorInstance } from './types.js';

const FIELD = 'target.api_endpoint.adapter_config';

export interface Pipeline {
  handle: Handler;
  /** Runs each interceptor's end-of-run step; returns their report sections by interceptor name. */
  finish(): Promise<Record<string, Record<string, unknown>>>;
}

/**
 * NeMo still accepts its older flat flags (`use_caching: true`, `use_system_prompt: true`, ...),
 * which it turns into an interceptor chain; separates them from the rest of the config.
 */
function splitLegacyFlags(adapterConfig: unknown): { modern: Record<string, unknown>; legacy?: Record<string, unknown> } {
  if (typeof adapterConfig !== 'object' || adapterConfig === null || Array.isArray(adapterConfig)) return { modern: (adapterConfig ?? {}) as Record<string, unknown> };
  const modern: Record<string, unknown> = {};
  const legacy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(adapterConfig)) (LEGACY_FLAG_NAMES.has(key) ? legacy : modern)[key] = value;
  return Object.keys(legacy).length > 0 ? { modern, legacy } : { modern };
}

function definitionFor(entry: NormalizedEntry, index: number, registry: ReadonlyMap<string, InterceptorDefinition>): InterceptorDefinition {
  const definition = registry.get(entry.name);
  if (!definition) {
    throw new ConfigError(`${FIELD}.interceptors[${index}].name`, `unknown interceptor "${entry.name}"`, `use one of: ${[...registry.keys()].join(', ')}`);
  }
  return definition;
}

/**
 * Builds the chain from `adapter_config` (NeMo's shape): `interceptors` in order, outermost first,
 * or the default chain when none are listed. `endpoint` is always the terminal step wherever it is
 * listed (appended if missing); interceptors listed after it wrap it from the inside, so they see
 * responses first, as NeMo's reverse response phase does. A `retry` step is added innermost unless
 * listed, so `max_retries` always applies.
 */
export function buildPipeline(adapterConfig: unknown, env: PipelineEnvironment, registry = BUILT_IN_INTERCEPTORS): Pipeline {
  const { modern, legacy } = splitLegacyFlags(adapterConfig);
  const config = parseConfig(AdapterConfigSchema, modern, FIELD);
  if (legacy && config.interceptors) {
    throw new ConfigError(FIELD, `mixes legacy flags (${Object.keys(legacy).join(', ')}) with an interceptors list`, 'use one or the other, as NeMo requires');
  }
  const entries = config.interceptors
    ? enabledEntries(config.interceptors)
    : legacy
      ? legacyFlagsToEntries(legacy, env.outputDir)
      : DEFAULT_CHAIN.map((name) => ({ name, config: {} }));
  const withRetry = entries.some((e) => e.name === 'retry') ? entries : [...entries, { name: 'retry', config: {} }];
  const endpointEntries = withRetry.filter((e) => e.name === 'endpoint');
  if (endpointEntries.length > 1) throw new ConfigError(`${FIELD}.interceptors`, 'lists "endpoint" more than once', 'keep one endpoint entry');

  const instances: Array<{ name: string; instance: InterceptorInstance }> = [];
  const build = (entry: NormalizedEntry, index: number) => {
    const definition = definitionFor(entry, index, registry);
    const parsed = parseConfig(definition.config, entry.config, `${FIELD}.interceptors[${index}].config`);
    const instance = definition.create(parsed, env);
    instances.push({ name: entry.name, instance });
    return instance;
  };
  const chain = withRetry.map((entry, index) => (entry.name === 'endpoint' ? undefined : build(entry, index)));
  const endpointIndex = withRetry.findIndex((e) => e.name === 'endpoint');
  const terminal = build(endpointEntries[0] ?? { name: 'endpoint', config: {} }, endpointIndex === -1 ? withRetry.length : endpointIndex);

  // log_failed_requests wraps the endpoint call itself, so it records each failed attempt as sent.
  const failedRequests = config.log_failed_requests ? createFailedRequestLog(env) : undefined;
  if (failedRequests) instances.push({ name: 'log_failed_requests', instance: failedRequests });
  const handle = compose(
    [...chain, failedRequests].filter((instance): instance is InterceptorInstance => instance !== undefined).map((instance) => instance.intercept),
    (request) => terminal.intercept(request, () => Promise.reject(new Error('endpoint is the last step'))),
  );
  return {
    handle,
    async finish() {
      drainOffReplyPath();
      const reports: Record<string, Record<string, unknown>> = {};
      for (const { name, instance } of instances) {
        const report = await instance.finish?.();
        if (report) reports[name] = report;
      }
      return reports;
    },
  };
}
