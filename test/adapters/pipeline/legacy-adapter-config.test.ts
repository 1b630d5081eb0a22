import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUndiciTransport } from '../../../src/adapters/http-transport.js';
import { buildPipeline } from '../../../src/adapters/pipeline/build-pipeline.js';
import { legacyFlagsToEntries } from '../../../src/adapters/pipeline/legacy-adapter-config.js';
import { createMockServer } from '../../../src/testing/index.js';

describe('NeMo legacy adapter_config flags', () => {
  it('generate NeMo’s chain, in NeMo’s order', () => {
    const entries = legacyFlagsToEntries(
      {
        use_system_prompt: true,
        custom_system_prompt: 'Be brief.',
        params_to_remove: ['seed'],
        use_request_logging: true,
        use_response_logging: true,
        process_reasoning_traces: true,
        use_progress_tracking: true,
        progress_tracking_url: 'http://127.0.0.1:9/progress',
      },
      '/out',
    );
    expect(entries.map((e) => e.name)).toEqual([
      'system_message', 'payload_modifier', 'request_logging', 'caching', 'endpoint', 'response_stats', 'response_logging', 'reasoning', 'progress_tracking',
    ]);
    expect(entries[3]).toEqual({ name: 'caching', config: { cache_dir: '/out/cache', reuse_cached_responses: true, save_requests: false, save_responses: true } });
  });

  it('build a working pipeline whose configs every interceptor accepts', async () => {
    const server = await createMockServer({ defaultReply: '<think>hmm</think>Answer: B', recordRequests: true });
    const outputDir = await mkdtemp(join(tmpdir(), 'evalforge-legacy-'));
    const transport = createUndiciTransport(2);
    const pipeline = buildPipeline(
      { use_system_prompt: true, custom_system_prompt: 'Be brief.', use_reasoning: true, use_request_logging: true, params_to_add: { seed: 7 } },
      { outputDir, endpoint: { url: server.chatUrl, modelId: 'm', type: 'chat' }, params: { maxRetries: 0 }, transport, secrets: [] },
    );
    const response = await pipeline.handle({
      url: server.chatUrl,
      headers: { 'content-type': 'application/json' },
      body: { model: 'm', messages: [{ role: 'user', content: 'q' }] },
      signal: new AbortController().signal,
      context: {},
    });
    const reports = await pipeline.finish();
    await transport.close();
    await server.close();
    expect(JSON.parse(response.body).choices[0].message.content).toBe('Answer: B');
    expect(server.requests()[0]).toMatchObject({ seed: 7, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'q' }] });
    expect(Object.keys(reports)).toEqual(expect.arrayContaining(['caching', 'response_stats', 'reasoning']));
  });

  it('refuse legacy flags mixed with an interceptors list, and unknown flags by name', () => {
    const env = { endpoint: { url: 'http://127.0.0.1:9/v1/chat/completions', modelId: 'm', type: 'chat' }, params: {}, transport: createUndiciTransport(1), secrets: [] };
    expect(() => buildPipeline({ use_caching: true, interceptors: ['endpoint'] }, env)).toThrow(/mixes legacy flags \(use_caching\)/);
    expect(() => buildPipeline({ use_system_prompt: true }, env)).toThrow(/custom_system_prompt: missing/);
    expect(() => buildPipeline({ use_nvcf: true }, env)).toThrow(/use_nvcf/);
  });
});
