import type { ConfigParams } from '../../core/config/schema.js';
import { ConfigError } from '../../core/errors.js';

/**
 * Completions drawn per problem: `params.extra.n_samples`, which NeMo passes as bigcode's
 * `--n_samples` (1 when unset, bigcode's default; each task's defaults set NeMo's value).
 */
export function nSamples(params: ConfigParams): number {
  const value = params.extra?.n_samples ?? 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigError('config.params.extra.n_samples', `expected a whole number ≥ 1, got ${JSON.stringify(value)}`, 'e.g. 1 for pass@1 only, or 20 (NeMo\'s default for humaneval) for pass@10');
  }
  return value;
}
