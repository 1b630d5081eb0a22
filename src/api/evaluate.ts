import type { EvaluationConfig, EvaluationResult, EvaluationTarget } from '../core/config/schema.js';
import type { RunSummary } from '../core/results/run-summary.js';
import { runEvaluation, type RunEvaluationOptions } from '../core/run-evaluation.js';

export type EvaluateOptions = RunEvaluationOptions;

/**
 * What `evaluate()` resolves to: the `results:` section of results.yml (`tasks`, `groups`) plus
 * `evalforge`, the run's interceptor reports (e.g. `response_stats`) and sample counts, as in
 * results.yml's `evalforge` section. `evalforge` is not part of NeMo's results section: drop it
 * before comparing with one.
 */
export type EvaluateResult = EvaluationResult & { evalforge: RunSummary };

/**
 * Runs one evaluation, as NeMo Evaluator's `evaluate(eval_cfg, target_cfg)`: task and harness
 * defaults are merged under `evalConfig`/`targetConfig` (camelCase or NeMo snake_case keys), the
 * task runs against the endpoint, and `outputDir` receives run_config.yml, samples.jsonl (appended as
 * samples finish; a rerun resumes from it), results.yml and eval_factory_metrics.json. Resolves to
 * the `results:` section with the run's `evalforge` summary beside it.
 */
export async function evaluate(
  evalConfig: EvaluationConfig | Record<string, unknown>,
  targetConfig: EvaluationTarget | Record<string, unknown>,
  options?: EvaluateOptions,
): Promise<EvaluateResult> {
  const outcome = await runEvaluation([{ config: evalConfig, target: targetConfig }], options);
  return { ...outcome.result, evalforge: outcome.evalforge };
}
