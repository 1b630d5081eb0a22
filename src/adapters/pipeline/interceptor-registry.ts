import { endpointInterceptor } from '../interceptors/endpoint.js';
import { retryInterceptor } from '../interceptors/retry.js';
import type { InterceptorDefinition } from './interceptor-definition.js';

/** Every built-in interceptor, by its NeMo name. */
export const BUILT_IN_INTERCEPTORS: ReadonlyMap<string, InterceptorDefinition> = new Map(
  [endpointInterceptor, retryInterceptor].map((definition) => [definition.name, definition as InterceptorDefinition]),
);

/** The chain used when `adapter_config` lists no interceptors (outermost first). */
export const DEFAULT_CHAIN: readonly string[] = ['endpoint'];
