import type { HarnessDefinition } from '../../core/harness.js';
import { bigcodeTasks } from './index.js';

/**
 * NeMo's bigcode-evaluation-harness framework defaults (framework.yml `defaults.config.params`;
 * `do_sample` and `n_samples` come with each task, as in NeMo's task defaults).
 */
export const bigcodeHarness: HarnessDefinition = {
  name: 'bigcode-evaluation-harness',
  pkgName: 'bigcode_evaluation_harness',
  description: 'bigcode-evaluation-harness code tasks: generated code run in a sandbox, pass@k, scored natively',
  defaults: { maxNewTokens: 1024, maxRetries: 5, parallelism: 10, requestTimeout: 30, temperature: 0.1, topP: 0.95, extra: {} },
  tasks: bigcodeTasks,
};
