import type { EvaluationConfig, EvaluationResult, EvaluationTarget } from '../core/config/schema.js';
import { runEvaluation, type RunEvaluationOptions } from '../core/run-evaluation.js';

export type EvaluateOptions = RunEvaluationOptions;

/**
 * Runs one evaluation, as NeMo Evaluator's `evaluate(eval_cfg, target_cfg)`: task and harness
 * defaults are merged under `evalConfig`/`targetConfig` (camelCase or NeMo snake_case keys), the
 * task runs against the endpoint, and `outputDir` receives run_config.yml, samples.jsonl (appended as
 * samples finish; a rerun resumes from it) and results.yml. Resolves to the `results:` section.
 */
export async function evaluate(
  evalConfig: EvaluationConfig | Record<string, unknown>,
  targetConfig: EvaluationTarget | Record<string, unknown>,
  options?: EvaluateOptions,
): Promise<EvaluationResult> {
  const outcome = await runEvaluation([{ config: evalConfig, target: targetConfig }], options);
  return outcome.result;
}
