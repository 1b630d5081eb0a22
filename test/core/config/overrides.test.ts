import { describe, expect, it } from 'vitest';
import { parseOverrides } from '../../../src/core/config/overrides.js';
import { ConfigError } from '../../../src/core/errors.js';

describe('parseOverrides (nemo-evaluator --overrides)', () => {
  it('builds nested objects from dotted paths and reads values as YAML', () => {
    expect(parseOverrides('config.params.limit_samples=10,config.params.temperature=0.5,target.api_endpoint.stream=true')).toEqual({
      config: { params: { limit_samples: 10, temperature: 0.5 } },
      target: { api_endpoint: { stream: true } },
    });
  });
  it('keeps commas inside quotes and brackets', () => {
    expect(parseOverrides(`config.params.extra.args='--a 1,--b 2',config.params.extra.list=[a,b]`)).toEqual({
      config: { params: { extra: { args: '--a 1,--b 2', list: ['a', 'b'] } } },
    });
  });
  it('keeps a value that opens a quote without closing it as the raw string', () => {
    expect(parseOverrides(`config.params.task="abc`)).toEqual({ config: { params: { task: '"abc' } } });
  });
  it('rejects a pair without = naming the pair', () => {
    expect(() => parseOverrides('config.params.limit_samples')).toThrow(ConfigError);
    expect(() => parseOverrides('config.params.limit_samples')).toThrow(/limit_samples/);
  });
});
