import { describe, expect, it } from 'vitest';
import { runConfigJsonSchema } from '../../src/api/json-schema.js';

describe('runConfigJsonSchema', () => {
  it('describes the run config YAML in NeMo snake_case spelling', () => {
    const schema = runConfigJsonSchema() as any;
    const config = schema.properties.config;
    expect(Object.keys(config.properties)).toEqual(expect.arrayContaining(['type', 'output_dir', 'params', 'supported_endpoint_types']));
    expect(Object.keys(config.properties.params.properties)).toEqual(
      expect.arrayContaining(['limit_samples', 'max_new_tokens', 'max_retries', 'parallelism', 'task', 'temperature', 'request_timeout', 'top_p', 'extra']),
    );
    expect(Object.keys(schema.properties.target.properties.api_endpoint.properties)).toEqual(
      expect.arrayContaining(['url', 'model_id', 'type', 'api_key_name', 'stream', 'adapter_config']),
    );
    expect(config.properties.params.additionalProperties).toBe(false);
  });
});
