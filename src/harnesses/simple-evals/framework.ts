import type { HarnessDefinition } from '../../core/harness.js';
import { simpleEvalsTasks } from './index.js';

/** NeMo's simple_evals framework defaults (framework.yml `defaults.config.params`). */
export const simpleEvalsHarness: HarnessDefinition = {
  name: 'simple_evals',
  pkgName: 'simple_evals',
  description: 'OpenAI simple-evals tasks, scored natively',
  defaults: { maxNewTokens: 16384, maxRetries: 5, parallelism: 10, requestTimeout: 60, temperature: 0, topP: 1e-5, extra: {} },
  tasks: simpleEvalsTasks,
};
