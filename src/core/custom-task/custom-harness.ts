import type { HarnessDefinition } from '../harness.js';

/**
 * The harness custom YAML tasks are registered under (`custom.<name>`). It has no tasks of its own;
 * its defaults are neutral, NeMo-like ones: parallelism 10, max_retries 5, request_timeout 60 s,
 * temperature 0 (greedy), and no max_new_tokens or top_p (the endpoint's own defaults apply).
 */
export const customHarness: HarnessDefinition = {
  name: 'custom',
  pkgName: 'custom',
  description: 'Custom tasks defined in YAML files',
  defaults: { maxRetries: 5, parallelism: 10, requestTimeout: 60, temperature: 0, extra: {} },
  tasks: [],
};
