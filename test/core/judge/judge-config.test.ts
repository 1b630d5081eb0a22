import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { resolveJudge } from '../../../src/core/judge/judge-config.js';

const URL = 'http://127.0.0.1:8001/v1/chat/completions';

describe('resolveJudge', () => {
  it('layers task defaults < target.judge < config.params.extra.judge, field by field; null never erases', () => {
    const judge = resolveJudge(
      { temperature: 0, max_tokens: 1024, request_timeout: 600 },
      { url: URL, model_id: 'global', max_tokens: 2048, parallelism: 4 },
      { model_id: 'per-task', temperature: null, api_key: 'JUDGE_API_KEY' },
    );
    expect(judge).toEqual({
      endpoint: { url: URL, modelId: 'per-task', type: 'chat', apiKeyName: 'JUDGE_API_KEY' },
      params: { parallelism: 4, requestTimeout: 600, temperature: 0, maxNewTokens: 2048 },
      reaskUnparsable: 0,
    });
  });

  it('takes api_key_name (mtbench) as well as api_key (simple_evals) as the key variable, and an adapter_config', () => {
    const judge = resolveJudge({}, undefined, { url: URL, model_id: 'j', api_key_name: 'KEY', adapter_config: { interceptors: ['endpoint'] }, reask_unparsable: 2 });
    expect(judge.endpoint).toEqual({ url: URL, modelId: 'j', type: 'chat', apiKeyName: 'KEY', adapterConfig: { interceptors: ['endpoint'] } });
    expect(judge.reaskUnparsable).toBe(2);
  });

  it('names the missing or bad field', () => {
    expect(() => resolveJudge({}, undefined, undefined)).toThrow(/config\.params\.extra\.judge\.url: missing/);
    expect(() => resolveJudge({}, undefined, { url: URL })).toThrow(/config\.params\.extra\.judge\.model_id: missing/);
    expect(() => resolveJudge({}, undefined, { url: URL, model_id: 'j', api_key: 'sk-123 secret' })).toThrow(ConfigError);
    expect(() => resolveJudge({}, undefined, { url: URL, model_id: 'j', api_key: 'sk-123 secret' })).toThrow(/api_key.*NAME of an environment variable/);
    expect(() => resolveJudge({}, { url: URL, model_id: 'j', max_token: 5 }, undefined)).toThrow(/target\.judge/);
  });
});
