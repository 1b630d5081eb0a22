import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUndiciTransport } from '../../../src/adapters/http-transport.js';
import { buildPipeline } from '../../../src/adapters/pipeline/build-pipeline.js';
import type { PipelineEnvironment } from '../../../src/adapters/pipeline/interceptor-definition.js';
import type { AdapterRequest } from '../../../src/adapters/pipeline/types.js';
import { ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../../src/testing/index.js';

interface Update {
  method: string;
  url: string;
  body: { samples_processed: number };
}

/** A progress receiver: records every update; `status` is what it answers. */
async function startReceiver(status = 200): Promise<{ url: string; updates: Update[]; server: Server }> {
  const updates: Update[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    updates.push({ method: req.method ?? '', url: req.url ?? '', body: JSON.parse(text) });
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jobs/7`, updates, server };
}

let mock: MockServer | undefined;
let receiver: Server | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  receiver = undefined;
  vi.restoreAllMocks();
});

async function setUp(options: MockServerOptions, config: Record<string, unknown>) {
  mock = await createMockServer(options);
  const env: PipelineEnvironment = { endpoint: { url: mock.chatUrl, modelId: 'm', type: 'chat' }, params: { maxRetries: 0 }, transport: createUndiciTransport(4), secrets: [] };
  const pipeline = buildPipeline({ interceptors: [{ name: 'progress_tracking', config }, 'endpoint'] }, env);
  const url = mock.chatUrl;
  const send = (cacheHit = false) => {
    const request: AdapterRequest = {
      url,
      headers: { 'content-type': 'application/json' },
      body: { model: 'm', messages: [{ role: 'user', content: 'q' }] },
      signal: new AbortController().signal,
      context: cacheHit ? { cacheHit } : {},
    };
    return pipeline.handle(request);
  };
  return { pipeline, env, send };
}

describe('progress_tracking interceptor', () => {
  it('sends {samples_processed} every N successful replies to a real server, and the last count at the end', async () => {
    const target = await startReceiver();
    receiver = target.server;
    const { pipeline, env, send } = await setUp({ defaultReply: 'ok', faults: { failEvery: 4, status: 400 } }, { progress_tracking_url: target.url, progress_tracking_interval: 2 });
    // Seven requests: the 4th fails, so 6 replies count (milestones at 2, 4, 6).
    for (let i = 0; i < 7; i++) await send();
    // A cache hit is no progress.
    await send(true);
    const report = (await pipeline.finish()).progress_tracking;
    await env.transport.close();
    expect(report).toEqual({ samples_processed: 6, failed_updates: 0 });
    const counts = target.updates.map((u) => u.body.samples_processed);
    // Updates go out in the background one at a time with the latest count: increasing, ending at the total.
    expect(counts.at(-1)).toBe(6);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(target.updates.every((u) => u.method === 'PATCH' && u.url === '/jobs/7')).toBe(true);
  });

  it('writes the count to <output_dir>/progress and resumes from it, with POST and $VAR expansion', async () => {
    const target = await startReceiver();
    receiver = target.server;
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-progress-'));
    await writeFile(join(dir, 'progress'), '5');
    process.env.EVALFORGE_TEST_PROGRESS_URL = target.url;
    const { pipeline, env, send } = await setUp(
      { defaultReply: 'ok' },
      { progress_tracking_url: '${EVALFORGE_TEST_PROGRESS_URL}', request_method: 'post', output_dir: dir },
    );
    await send();
    await send();
    await pipeline.finish();
    await env.transport.close();
    delete process.env.EVALFORGE_TEST_PROGRESS_URL;
    expect(await readFile(join(dir, 'progress'), 'utf8')).toBe('7');
    expect(target.updates.at(-1)).toEqual({ method: 'POST', url: '/jobs/7', body: { samples_processed: 7 } });
  });

  it('also sends on a timer when the count changed (progress_tracking_interval_seconds)', async () => {
    const target = await startReceiver();
    receiver = target.server;
    const { pipeline, env, send } = await setUp({ defaultReply: 'ok' }, { progress_tracking_url: target.url, progress_tracking_interval: 1000, progress_tracking_interval_seconds: 0.05 });
    await send();
    await send();
    await vi.waitFor(() => expect(target.updates.map((u) => u.body.samples_processed)).toEqual([2]), { timeout: 5000 });
    await pipeline.finish();
    await env.transport.close();
    // Nothing changed since the timer's update, so the end of the run sends nothing more.
    expect(target.updates).toHaveLength(1);
  });

  it('never fails a request when the tracker is down or refuses: warns once and counts failures', async () => {
    const warnings: string[] = [];
    vi.spyOn(process, 'emitWarning').mockImplementation(((message: string) => void warnings.push(message)) as typeof process.emitWarning);
    const target = await startReceiver(503);
    receiver = target.server;
    const { pipeline, env, send } = await setUp({ defaultReply: 'ok' }, { progress_tracking_url: `${target.url}?token=abc` });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    const report = (await pipeline.finish()).progress_tracking;
    expect(report).toMatchObject({ samples_processed: 3, failed_updates: target.updates.length, first_failure: expect.stringMatching(/HTTP 503/) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toContain('abc');

    const down = buildPipeline({ interceptors: [{ name: 'progress_tracking', config: { progress_tracking_url: 'http://127.0.0.1:1/p' } }, 'endpoint'] }, env);
    await down.handle({ url: mock!.chatUrl, headers: {}, body: { model: 'm', messages: [{ role: 'user', content: 'q' }] }, signal: new AbortController().signal, context: {} });
    expect((await down.finish()).progress_tracking).toMatchObject({ samples_processed: 1, failed_updates: 1 });
    await env.transport.close();
  });

  it('validates its config, naming the field', () => {
    const env: PipelineEnvironment = { endpoint: { url: 'http://x/v1/chat/completions', modelId: 'm', type: 'chat' }, params: {}, transport: createUndiciTransport(1), secrets: [] };
    const build = (config: Record<string, unknown>) => () => buildPipeline({ interceptors: [{ name: 'progress_tracking', config }] }, env);
    expect(build({})).toThrow(ConfigError);
    expect(build({})).toThrow(/sets neither progress_tracking_url nor output_dir/);
    expect(build({ progress_tracking_url: 'http://x', progress_tracking_interval: 0 })).toThrow(/config\.progress_tracking_interval/);
    expect(build({ progress_tracking_url: 'not a url' })).toThrow(/progress_tracking_url: .* is not a URL/);
    expect(build({ progress_tracking_url: 'http://x', request_method: 'PUT it' })).toThrow(/config\.request_method: must be an HTTP method/);
  });
});
