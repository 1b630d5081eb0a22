import type { Handler, Interceptor } from './types.js';

/**
 * Chains interceptors around a terminal handler: `interceptors[0]` sees the request first and the
 * response last. An interceptor that returns without calling `next` short-circuits the rest.
 */
export function compose(interceptors: readonly Interceptor[], terminal: Handler): Handler {
  return interceptors.reduceRight<Handler>((next, interceptor) => (request) => interceptor(request, next), terminal);
}
