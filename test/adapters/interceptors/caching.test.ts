import { mkdtemp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createUndiciTransport, type HttpTransport } from '../../../src/adapters/http-transport.js';
import { buildPipeline, type Pipeline } from '../../../src/adapters/pipeline/build-pipeline.js';
import type { AdapterRequest } from '../../../src/adapters/pipeline/types.js';
import { evaluate } from '../../../src/api/evaluate.js';
import { ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../../src/testing/index.js';
import { chatReply, startScriptedEndpoint } from '../../helpers/scripted-endpoint.js';

const servers: MockServer[] = [];
const transports: HttpTransport[] = [];
afterEach(async () => {
  await Promise.all([...servers.splice(0).map((s) => s.close()), ...transports.splice(0).map((t) => t.close())]);
});

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  const server = await createMockServer({ defaultReply: 'cached answer', ...options });
  servers.push(server);
  return server;
}

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-caching-'));

interface Setup {
  url: string;
  caching?: Record<string, unknown>;
  outputDir?: string;
  requestTimeout?: number;
  secrets?: string[];
  interceptors?: unknown[];
}

function pipeline({ url, caching = {}, outputDir, requestTimeout = 5, secrets = [], interceptors }: Setup): Pipeline {
  const transport = createUndiciTransport(8);
  transports.push(transport);
  return buildPipeline(
    { interceptors: interceptors ?? [{ name: 'caching', config: caching }, { name: 'retry', config: { max_retries: 0 } }, 'endpoint'] },
    { outputDir, endpoint: { url, modelId: 'm', type: 'chat' }, params: { requestTimeout }, transport, secrets },
  );
}

function chat(url: string, content = 'q', extra: Record<string, unknown> = {}): AdapterRequest {
  return {
    url,
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-header-secret' },
    body: { model: 'm', messages: [{ role: 'user', content }], ...extra },
    signal: new AbortController().signal,
    context: {},
  };
}

async function allText(dir: string): Promise<string> {
  const texts: string[] = [];
  for (const sub of await readdir(dir)) {
    for (const name of await readdir(join(dir, sub))) texts.push(await readFile(join(dir, sub, name), 'utf8'));
  }
  return texts.join('');
}

describe('caching interceptor: config', () => {
  it('names the bad field', () => {
    const build = (config: Record<string, unknown>) => () => pipeline({ url: 'http://127.0.0.1:9/v1/chat/completions', caching: config });
    expect(build({ max_saved_responses: -1 })).toThrow(ConfigError);
    expect(build({ max_saved_responses: -1 })).toThrow(/interceptors\[0\]\.config\.max_saved_responses/);
    expect(build({ reuse_cached_responses: 'yes' })).toThrow(/interceptors\[0\]\.config\.reuse_cached_responses/);
    expect(build({ cache_directory: '/tmp/x' })).toThrow(/unknown key "cache_directory"[\s\S]*cache_dir/);
    expect(build({ max_saved_requests: null, max_saved_responses: null, include_url_in_key: true })).not.toThrow();
  });

  it('fails with a ConfigError naming cache_dir when the directory cannot be used', async () => {
    const s = await start();
    const file = join(await tempDir(), 'a-file');
    await writeFile(file, 'not a directory');
    const p = pipeline({ url: s.chatUrl, caching: { cache_dir: file } });
    const error = await p.handle(chat(s.chatUrl)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/config\.cache_dir: cannot use .*a-file as the response cache/);
    await p.finish();
  });
});

describe('caching interceptor: effect', () => {
  it('answers a repeated request from the cache without calling the endpoint, and reports hits, misses and saves', async () => {
    const s = await start({ latencyMs: 20 });
    const p = pipeline({ url: s.chatUrl, outputDir: await tempDir() });
    const first = chat(s.chatUrl);
    const fresh = await p.handle(first);
    expect(first.context.cacheHit).toBeUndefined();
    expect(fresh.latencyMs).toBeGreaterThan(0);
    const again = chat(s.chatUrl);
    const cached = await p.handle(again);
    expect(again.context.cacheHit).toBe(true);
    expect(cached).toMatchObject({ status: 200, body: fresh.body, latencyMs: 0, headers: { 'content-type': fresh.headers['content-type'] } });
    expect(s.stats().requests).toBe(1);
    expect(await p.finish()).toEqual({ caching: { hits: 1, misses: 1, saved: 1 } });
  });

  it('never caches errors, timeouts, malformed or cut-off replies', async () => {
    const s = await start({ defaultReply: 'three words here', faults: { failFirst: 1, hangFirst: 1, malformedFirst: 1 } });
    const dir = await tempDir();
    const p = pipeline({ url: s.chatUrl, caching: { cache_dir: dir }, requestTimeout: 0.3 });
    await expect(p.handle(chat(s.chatUrl))).rejects.toThrow(/no reply within/);
    expect((await p.handle(chat(s.chatUrl))).status).toBe(500);
    expect((await p.handle(chat(s.chatUrl))).body).toMatch(/mock-malformed/);
    const cutOff = await p.handle(chat(s.chatUrl, 'q', { max_tokens: 1 }));
    expect(cutOff.body).toMatch(/"finish_reason":"length"/);
    expect(await p.finish()).toEqual({ caching: { hits: 0, misses: 4, saved: 0 } });

    const rerun = pipeline({ url: s.chatUrl, caching: { cache_dir: dir } });
    s.resetStats();
    expect((await rerun.handle(chat(s.chatUrl))).status).toBe(200);
    await rerun.handle(chat(s.chatUrl, 'q', { max_tokens: 1 }));
    expect(s.stats().requests).toBe(2);
    expect(await rerun.finish()).toEqual({ caching: { hits: 0, misses: 2, saved: 1 } });
  });

  it('a cache moved to another endpoint URL (another port) still hits; include_url_in_key keeps endpoints apart', async () => {
    const first = await start();
    const second = await start();
    const dir = await tempDir();
    const fill = pipeline({ url: first.chatUrl, caching: { cache_dir: dir } });
    await fill.handle(chat(first.chatUrl));
    await fill.finish();

    const moved = pipeline({ url: second.chatUrl, caching: { cache_dir: dir } });
    await moved.handle(chat(second.chatUrl));
    expect(await moved.finish()).toEqual({ caching: { hits: 1, misses: 0, saved: 0 } });
    expect(second.stats().requests).toBe(0);

    const strict = pipeline({ url: second.chatUrl, caching: { cache_dir: dir, include_url_in_key: true } });
    await strict.handle(chat(second.chatUrl));
    expect(await strict.finish()).toEqual({ caching: { hits: 0, misses: 1, saved: 1 } });
    expect(second.stats().requests).toBe(1);
  });

  it('stops saving at max_saved_responses, counting entries from earlier runs', async () => {
    const s = await start();
    const dir = await tempDir();
    const p = pipeline({ url: s.chatUrl, caching: { cache_dir: dir, max_saved_responses: 2 } });
    for (const q of ['a', 'b', 'c']) await p.handle(chat(s.chatUrl, q));
    expect(await p.finish()).toEqual({ caching: { hits: 0, misses: 3, saved: 2 } });

    const next = pipeline({ url: s.chatUrl, caching: { cache_dir: dir, max_saved_responses: 3 } });
    for (const q of ['a', 'b', 'c', 'd']) await next.handle(chat(s.chatUrl, q));
    expect(await next.finish()).toEqual({ caching: { hits: 2, misses: 2, saved: 1 } });
  });

  it('with reuse_cached_responses false always calls the endpoint but still saves new answers', async () => {
    const s = await start();
    const dir = await tempDir();
    const p = pipeline({ url: s.chatUrl, caching: { cache_dir: dir, reuse_cached_responses: false } });
    await p.handle(chat(s.chatUrl));
    await p.handle(chat(s.chatUrl));
    expect(s.stats().requests).toBe(2);
    expect(await p.finish()).toEqual({ caching: { hits: 0, misses: 2, saved: 1 } });
  });

  it('save_requests stores bodies, never headers or secrets, up to max_saved_requests', async () => {
    const s = await start();
    const dir = await tempDir();
    const secret = 'sk-live-abcdef123456';
    const p = pipeline({ url: s.chatUrl, caching: { cache_dir: dir, save_requests: true, max_saved_requests: 2 }, secrets: [secret] });
    for (const q of [`my key is ${secret}`, 'b', 'c']) await p.handle(chat(s.chatUrl, q));
    await p.finish();
    const requests = (await readFile(join(dir, 'requests', (await readdir(join(dir, 'requests')))[0]!), 'utf8')).trim().split('\n');
    expect(requests.map((line) => JSON.parse(line).value.messages[0].content)).toEqual(['my key is [REDACTED]', 'b']);
    const everything = await allText(dir);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('sk-header-secret');
    expect(everything.toLowerCase()).not.toContain('authorization');
  });

  it('keeps lines whole with many requests in flight, duplicates included', async () => {
    const s = await start({ latencyMs: 5 });
    const dir = await tempDir();
    const p = pipeline({ url: s.chatUrl, caching: { cache_dir: dir } });
    const prompts = Array.from({ length: 200 }, (_, i) => `question ${i % 150}`);
    await Promise.all(prompts.map((q) => p.handle(chat(s.chatUrl, q))));
    const report = (await p.finish()).caching;
    expect(report).toMatchObject({ saved: 150 });

    s.resetStats();
    const rerun = pipeline({ url: s.chatUrl, caching: { cache_dir: dir } });
    const replies = await Promise.all(prompts.map((q) => rerun.handle(chat(s.chatUrl, q))));
    expect(replies.every((r) => r.status === 200 && r.latencyMs === 0)).toBe(true);
    expect(s.stats().requests).toBe(0);
    expect(await rerun.finish()).toEqual({ caching: { hits: 200, misses: 0, saved: 0 } });
  });

  it('after a kill mid-write the truncated last record is ignored and the rest still hits', async () => {
    const s = await start();
    const dir = await tempDir();
    const p = pipeline({ url: s.chatUrl, caching: { cache_dir: dir } });
    for (const q of ['a', 'b', 'c']) await p.handle(chat(s.chatUrl, q));
    await p.finish();
    const segment = join(dir, 'responses', (await readdir(join(dir, 'responses')))[0]!);
    const { length } = await readFile(segment);
    await truncate(segment, length - 10);

    s.resetStats();
    const rerun = pipeline({ url: s.chatUrl, caching: { cache_dir: dir } });
    for (const q of ['a', 'b', 'c']) await rerun.handle(chat(s.chatUrl, q));
    expect(await rerun.finish()).toEqual({ caching: { hits: 2, misses: 1, saved: 1 } });
    expect(s.stats().requests).toBe(1);
  });

  it('sends the key’s canonical JSON as the body, unless an interceptor after it replaced the body', async () => {
    const endpoint = await startScriptedEndpoint(() => ({ body: chatReply('ok') }));
    try {
      const outputDir = await tempDir();
      const body = { temperature: 0, model: 'm', messages: [{ role: 'user', content: 'q' }] };
      await pipeline({ url: endpoint.url, outputDir }).handle({ ...chat(endpoint.url), body });
      const modifier = { name: 'payload_modifier', config: { params_to_add: { seed: 7 } } };
      await pipeline({ url: endpoint.url, outputDir: await tempDir(), interceptors: [{ name: 'caching', config: {} }, modifier, 'endpoint'] }).handle({ ...chat(endpoint.url), body });
      expect(endpoint.received[0]!.raw).toBe('{"messages":[{"content":"q","role":"user"}],"model":"m","temperature":0}');
      expect(endpoint.received[1]!.body).toEqual({ ...body, seed: 7 });
    } finally {
      await endpoint.close();
    }
  });

  it('stops the run when the cache cannot be written (a full disk), instead of silently not caching', async () => {
    const s = await start();
    const outputDir = await tempDir();
    const p = pipeline({ url: s.chatUrl, outputDir });
    await p.handle(chat(s.chatUrl, 'first'));
    // Where the first batch would create its segment directory there is now a file: the write fails.
    await writeFile(join(outputDir, 'cache', 'responses'), 'not a directory');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(p.handle(chat(s.chatUrl, 'second'))).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(s.stats().requests).toBe(1); // the second request was refused before it was sent
    await expect(p.finish()).rejects.toThrow(/EEXIST|ENOTDIR/);
  });

  it('caches nothing without a cache_dir or an output dir', async () => {
    const s = await start();
    const p = pipeline({ url: s.chatUrl, interceptors: ['caching', 'endpoint'] });
    await p.handle(chat(s.chatUrl));
    await p.handle(chat(s.chatUrl));
    expect(s.stats().requests).toBe(2);
    expect(await p.finish()).toEqual({});
  });
});

describe('caching in evaluate()', () => {
  it('a rerun into a new output_dir with the same cache_dir sends no request and scores the same', async () => {
    const s = await start({ defaultReply: 'Answer: B' });
    const cacheDir = await tempDir();
    const target = {
      apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' as const, adapterConfig: { interceptors: [{ name: 'caching', config: { cache_dir: cacheDir } }, 'endpoint'] } },
    };
    const params = { limitSamples: 30, parallelism: 8 };
    const first = await evaluate({ type: 'mmlu', outputDir: await tempDir(), params }, target);
    expect(s.stats().requests).toBe(30);

    s.resetStats();
    const rerunDir = await tempDir();
    const rerun = await evaluate({ type: 'mmlu', outputDir: rerunDir, params }, target);
    expect(s.stats().requests).toBe(0);
    expect(rerun.tasks).toEqual(first.tasks);
    expect(rerun.groups).toEqual(first.groups);
    const results = parseYaml(await readFile(join(rerunDir, 'results.yml'), 'utf8'));
    expect(results.evalforge.interceptors.caching).toEqual({ hits: 30, misses: 0, saved: 0 });
    expect(results.evalforge.samples).toMatchObject({ total: 30, resumed: 0, requested: 30 });
  });

  it('the default chain caches under <output_dir>/cache', async () => {
    const s = await start({ defaultReply: 'Answer: C' });
    const outputDir = await tempDir();
    await evaluate({ type: 'mmlu', outputDir, params: { limitSamples: 3 } }, { apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' } });
    expect(await readdir(join(outputDir, 'cache', 'responses'))).toHaveLength(1);
    const results = parseYaml(await readFile(join(outputDir, 'results.yml'), 'utf8'));
    expect(results.evalforge.interceptors.caching).toEqual({ hits: 0, misses: 3, saved: 3 });
  });
});
