import type { HarnessDefinition } from '../../core/harness.js';
import { mtbenchTasks } from './index.js';

/**
 * NeMo's mtbench framework (framework.yml `defaults.config.params`: max_new_tokens 1024, max_retries
 * 5, parallelism 10, request_timeout 30). It sets no temperature or top_p, so mtbench-evaluator's
 * CLI defaults apply, given here: temperature 0.0, top_p 0.0001.
 */
export const mtbenchHarness: HarnessDefinition = {
  name: 'mtbench',
  pkgName: 'mtbench',
  description: 'MT-Bench (lm-sys FastChat llm_judge), judged natively',
  defaults: { maxNewTokens: 1024, maxRetries: 5, parallelism: 10, requestTimeout: 30, temperature: 0, topP: 0.0001, extra: {} },
  tasks: mtbenchTasks,
};
