import type { HarnessDefinition } from '../../core/harness.js';
import { lmEvalTasks } from './index.js';

/**
 * NeMo's lm-evaluation-harness framework defaults (framework.yml `defaults.config.params`):
 * the near-zero temperature and near-one top_p are what NeMo passes as `--gen_kwargs`.
 */
export const lmEvalHarness: HarnessDefinition = {
  name: 'lm-evaluation-harness',
  pkgName: 'lm_evaluation_harness',
  description: 'EleutherAI lm-evaluation-harness tasks, scored natively',
  defaults: { maxRetries: 5, parallelism: 10, requestTimeout: 30, temperature: 1e-7, topP: 0.9999999, extra: {} },
  tasks: lmEvalTasks,
};
