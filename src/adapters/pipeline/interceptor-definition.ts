import type { z } from 'zod';
import type { HttpTransport } from '../http-transport.js';
import type { InterceptorInstance } from './types.js';

/** What every interceptor may know about the run it serves. */
export interface PipelineEnvironment {
  /** The run's output dir (caches, logs and reports default to paths under it). */
  outputDir?: string;
  /** The configured endpoint URL, model and type. */
  endpoint: { url: string; modelId: string; type: string };
  /** The run's params that interceptors take defaults from. */
  params: { maxRetries?: number; requestTimeout?: number; parallelism?: number };
  transport: HttpTransport;
  /** Values that must never be written anywhere (the API key); loggers redact them. */
  secrets: readonly string[];
}

/**
 * One interceptor kind, registered by its NeMo name. `config` validates the `config:` block of an
 * `adapter_config.interceptors` entry (NeMo's snake_case field names).
 */
export interface InterceptorDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  config: S;
  create(config: z.infer<S>, env: PipelineEnvironment): InterceptorInstance;
}

/** Declares an interceptor, keeping `create`'s config type tied to its schema. */
export function defineInterceptor<S extends z.ZodType>(definition: InterceptorDefinition<S>): InterceptorDefinition<S> {
  return definition;
}
