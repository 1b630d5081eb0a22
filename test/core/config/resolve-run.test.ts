import { describe, expect, it } from 'vitest';
import { resolveRun } from '../../../src/core/config/resolve-run.js';
import { ConfigError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import { stubHarness, stubTask } from '../../helpers/stub-task.js';

const registry = new TaskRegistry([
  stubHarness('h1', [stubTask('qa', { defaults: { maxNewTokens: 256, temperature: 0 } }), stubTask('shared')], {
    maxNewTokens: 16, parallelism: 10, temperature: 0.5, topP: 0.9,
  }),
  stubHarness('h2', [stubTask('shared', { endpointTypes: ['completions'] })]),
]);
const target = { api_endpoint: { url: 'http://localhost:1/v1/chat/completions', model_id: 'm' } };

describe('resolveRun: config priority framework < task < run config < flags < overrides', () => {
  it('applies each layer over the one below', () => {
    const run = resolveRun(registry, [
      { config: { type: 'qa', output_dir: 'out', params: { parallelism: 4, top_p: 0.5 } }, target },
      { config: { params: { parallelism: 8 } } },
      { config: { params: { limit_samples: 3 } } },
    ]);
    expect(run.config.params).toEqual({ maxNewTokens: 256, parallelism: 8, temperature: 0, topP: 0.5, limitSamples: 3, task: 'qa' });
    expect(run.target.apiEndpoint.type).toBe('chat');
  });
  it('lets an unset value in a higher layer keep the lower one', () => {
    const run = resolveRun(registry, [{ config: { type: 'qa', output_dir: 'out', params: { temperature: undefined } }, target }]);
    expect(run.config.params.temperature).toBe(0);
  });
  it('resolves harness.task and asks to qualify an ambiguous name', () => {
    expect(resolveRun(registry, [{ config: { type: 'h2.shared', output_dir: 'o' }, target }]).harness.name).toBe('h2');
    expect(() => resolveRun(registry, [{ config: { type: 'shared', output_dir: 'o' }, target }])).toThrow(/h1\.shared, h2\.shared/);
  });
  it('names the closest tasks for an unknown one', () => {
    expect(() => resolveRun(registry, [{ config: { type: 'qaa', output_dir: 'o' }, target }])).toThrow(/did you mean qa/);
  });
  it('rejects an endpoint type the task does not support, naming the supported ones', () => {
    const wrong = { api_endpoint: { ...target.api_endpoint, type: 'completions' } };
    expect(() => resolveRun(registry, [{ config: { type: 'qa', output_dir: 'o' }, target: wrong }])).toThrow(/does not support endpoint type "completions"[\s\S]*use one of: chat/);
  });
  it('rejects unknown params naming the valid ones', () => {
    const bad = () => resolveRun(registry, [{ config: { type: 'qa', output_dir: 'o', params: { limit_sample: 3 } }, target }]);
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/config\.params: unknown key "limitSample" \(limit_sample\)[\s\S]*limit_samples/);
  });
  it('names the field and fix for missing required settings', () => {
    expect(() => resolveRun(registry, [{ config: { type: 'qa' }, target }])).toThrow(/config\.output_dir: missing[\s\S]*--output_dir/);
    expect(() => resolveRun(registry, [{ config: { type: 'qa', output_dir: 'o' } }])).toThrow(/target\.api_endpoint\.url/);
    expect(() => resolveRun(registry, [{ config: { output_dir: 'o' }, target }])).toThrow(/config\.type/);
  });
  it('reports a wrong type with the field path', () => {
    expect(() => resolveRun(registry, [{ config: { type: 'qa', output_dir: 'o', params: { parallelism: 'many' } }, target }])).toThrow(
      /config\.params\.parallelism/,
    );
  });
  it('refuses an API key pasted where the variable name belongs, without echoing it', () => {
    const leaked = { api_endpoint: { ...target.api_endpoint, api_key_name: 'sk-live-1234567890' } };
    let message = '';
    try {
      resolveRun(registry, [{ config: { type: 'qa', output_dir: 'o' }, target: leaked }]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/api_key_name/);
    expect(message).not.toContain('sk-live-1234567890');
  });
});
