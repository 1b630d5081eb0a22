import type { ConfigParams } from '../../core/config/schema.js';
import { ConfigError } from '../../core/errors.js';

/**
 * How many shots a run uses: NeMo passes `params.extra.num_fewshot` as `--num_fewshot`, which
 * lm-eval applies over the YAML `num_fewshot` except for tasks whose YAML sets 0 (those ignore it);
 * a YAML without `num_fewshot` (`undefined`) runs 0-shot unless told otherwise. `max` is how many
 * shots the task can give (a fixed `first_n` list), if limited.
 */
export function resolveNumFewshot(params: ConfigParams, yamlNumFewshot: number | undefined, max = Infinity): number {
  const requested = params.extra?.num_fewshot;
  if (requested === undefined || requested === null || yamlNumFewshot === 0) return yamlNumFewshot ?? 0;
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 0) {
    throw new ConfigError('params.extra.num_fewshot', `expected a whole number ≥ 0, got ${JSON.stringify(requested)}`, 'set it to e.g. 0 or 5, or remove it to use the task default');
  }
  if (requested > max) {
    throw new ConfigError('params.extra.num_fewshot', `this task has only ${max} few-shot examples, got ${requested}`, `use at most ${max}`);
  }
  return requested;
}
