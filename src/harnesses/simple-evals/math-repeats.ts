import type { ConfigParams } from '../../core/config/schema.js';
import { ConfigError } from '../../core/errors.js';

/**
 * Samples per problem: `params.extra.n_samples`, which NeMo passes as simple-evals'
 * `--num_repeats` (each task's defaults hold its catalogue value; 1 when unset).
 */
export function mathRepeats(params: ConfigParams): number {
  const value = params.extra?.n_samples ?? 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigError('config.params.extra.n_samples', `expected a whole number ≥ 1, got ${JSON.stringify(value)}`, 'e.g. 1 for a single pass, or 10 (NeMo\'s default for AIME_2025)');
  }
  return value;
}
