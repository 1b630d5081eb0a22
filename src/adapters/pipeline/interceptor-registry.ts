import { cachingInterceptor } from '../interceptors/caching.js';
import { costInterceptor } from '../interceptors/cost.js';
import { endpointInterceptor } from '../interceptors/endpoint.js';
import { progressTrackingInterceptor } from '../interceptors/progress-tracking.js';
import { rateLimitInterceptor } from '../interceptors/rate-limit.js';
import { responseStatsInterceptor } from '../interceptors/response-stats.js';
import { retryInterceptor } from '../interceptors/retry.js';
import { payloadModifierInterceptor } from '../interceptors/payload-modifier.js';
import { reasoningInterceptor } from '../interceptors/reasoning.js';
import { requestLoggingInterceptor } from '../interceptors/request-logging.js';
import { responseLoggingInterceptor } from '../interceptors/response-logging.js';
import { systemMessageInterceptor } from '../interceptors/system-message.js';
import type { InterceptorDefinition } from './interceptor-definition.js';

/** Every built-in interceptor, by its NeMo name. */
export const BUILT_IN_INTERCEPTORS: ReadonlyMap<string, InterceptorDefinition> = new Map(
  [cachingInterceptor, endpointInterceptor, retryInterceptor, payloadModifierInterceptor, reasoningInterceptor, requestLoggingInterceptor, responseLoggingInterceptor, systemMessageInterceptor, costInterceptor, progressTrackingInterceptor, rateLimitInterceptor, responseStatsInterceptor].map((definition) => [definition.name, definition as InterceptorDefinition]),
);

/** The chain used when `adapter_config` lists no interceptors (outermost first). */
export const DEFAULT_CHAIN: readonly string[] = ['caching', 'response_stats', 'endpoint'];
