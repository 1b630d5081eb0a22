import { describe, expect, it } from 'vitest';
import { toCamelCaseKeys, toSnakeCaseKeys } from '../../../src/core/config/case.js';

describe('config key spelling', () => {
  it('accepts NeMo snake_case and keeps free-form maps verbatim', () => {
    expect(
      toCamelCaseKeys({ config: { output_dir: 'o', params: { limit_samples: 5, extra: { num_fewshot: 3 } } }, target: { api_endpoint: { model_id: 'm', adapter_config: { use_caching: true } } } }),
    ).toEqual({ config: { outputDir: 'o', params: { limitSamples: 5, extra: { num_fewshot: 3 } } }, target: { apiEndpoint: { modelId: 'm', adapterConfig: { use_caching: true } } } });
  });
  it('rejects the same field given in both spellings', () => {
    expect(() => toCamelCaseKeys({ config: { output_dir: 'a', outputDir: 'b' } })).toThrow(/given twice/);
  });
  it('writes snake_case for run_config.yml', () => {
    expect(toSnakeCaseKeys({ config: { outputDir: 'o', params: { maxNewTokens: 3, extra: { numFewshot: 1 } } } })).toEqual({
      config: { output_dir: 'o', params: { max_new_tokens: 3, extra: { numFewshot: 1 } } },
    });
  });
});
