import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createUndiciTransport } from '../../../src/adapters/http-transport.js';
import { buildPipeline } from '../../../src/adapters/pipeline/build-pipeline.js';
import type { PipelineEnvironment } from '../../../src/adapters/pipeline/interceptor-definition.js';
import type { AdapterRequest } from '../../../src/adapters/pipeline/types.js';
import { evaluate } from '../../../src/api/evaluate.js';
import { BudgetExceededError, ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-cost-'));

function environment(url: string, outputDir?: string, modelId = 'm'): PipelineEnvironment {
  return { outputDir, endpoint: { url, modelId, type: 'chat' }, params: { maxRetries: 0 }, transport: createUndiciTransport(4), secrets: [] };
}

function chat(url: string, content: string): AdapterRequest {
  return { url, headers: { 'content-type': 'application/json' }, body: { model: 'm', messages: [{ role: 'user', content }] }, signal: new AbortController().signal, context: {} };
}

async function costPipeline(options: MockServerOptions, config: Record<string, unknown>, outputDir?: string) {
  server = await createMockServer(options);
  const env = environment(server.chatUrl, outputDir);
  const pipeline = buildPipeline({ interceptors: [{ name: 'cost', config }, 'endpoint'] }, env);
  return { pipeline, env, url: server.chatUrl };
}

describe('cost interceptor', () => {
  it('sums usage and prices it per the table', async () => {
    // Prompt "a b c" is 3 tokens, the reply "x y" 2: 3 × 1 + 2 × 4 = 11 per million each.
    const { pipeline, env, url } = await costPipeline({ defaultReply: 'x y' }, { prices: { m: { input_per_million: 1, output_per_million: 4 }, other: { input_per_million: 9, output_per_million: 9 } } });
    for (let i = 0; i < 3; i++) await pipeline.handle(chat(url, 'a b c'));
    const report = (await pipeline.finish()).cost;
    await env.transport.close();
    expect(report).toEqual({
      model: 'm',
      requests: 3,
      prompt_tokens: 9,
      completion_tokens: 6,
      total_tokens: 15,
      responses_without_usage: 0,
      budget_reached: false,
      cost: 0.000033,
      input_per_million: 1,
      output_per_million: 4,
    });
  });

  it('refuses requests once max_tokens_total is reached, naming what was spent', async () => {
    const { pipeline, env, url } = await costPipeline({ defaultReply: 'x y' }, { max_tokens_total: 10 });
    await pipeline.handle(chat(url, 'a b c'));
    await pipeline.handle(chat(url, 'a b c'));
    const error = await pipeline.handle(chat(url, 'a b c')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as Error).message).toMatch(/^Budget reached: spent 10 tokens of max_tokens_total 10 \(2 requests\)\. No further requests were sent/);
    expect((error as Error).message).toMatch(/rerun with a larger max_tokens_total/);
    expect(server!.stats().requests).toBe(2);
    expect((await pipeline.finish()).cost).toMatchObject({ total_tokens: 10, budget_reached: true, max_tokens_total: 10 });
    await env.transport.close();
  });

  it('keeps its tally in cost.json and continues it only when output_dir has samples to resume', async () => {
    const dir = await tempDir();
    const config = { prices: { m: { input_per_million: 0, output_per_million: 1e6 } }, max_cost: 100 };
    const first = await costPipeline({ defaultReply: 'x y' }, config, dir);
    await first.pipeline.handle(chat(first.url, 'q'));
    await first.pipeline.finish();
    await first.env.transport.close();
    expect(JSON.parse(await readFile(join(dir, 'cost.json'), 'utf8'))).toMatchObject({ model: 'm', requests: 1, completion_tokens: 2, cost: 2 });

    // No samples.jsonl: a fresh start, the old tally is not continued.
    const fresh = buildPipeline({ interceptors: [{ name: 'cost', config }, 'endpoint'] }, environment(first.url, dir));
    expect((await fresh.finish()).cost).toMatchObject({ requests: 0, cost: 0 });

    await writeFile(join(dir, 'samples.jsonl'), '');
    const resumed = buildPipeline({ interceptors: [{ name: 'cost', config }, 'endpoint'] }, environment(first.url, dir));
    await resumed.handle(chat(first.url, 'q'));
    expect((await resumed.finish()).cost).toMatchObject({ requests: 2, completion_tokens: 4, cost: 4 });
  });

  it('saves the tally during the run too, off the request path (at most ~100 ms behind)', async () => {
    const dir = await tempDir();
    const { pipeline, env, url } = await costPipeline({ defaultReply: 'x y' }, { max_tokens_total: 1000 }, dir);
    await pipeline.handle(chat(url, 'a b c'));
    await pipeline.handle(chat(url, 'a b c'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(JSON.parse(await readFile(join(dir, 'cost.json'), 'utf8'))).toMatchObject({ model: 'm', requests: 2, prompt_tokens: 6, completion_tokens: 4 });
    await pipeline.handle(chat(url, 'a b c'));
    await pipeline.finish();
    await env.transport.close();
    expect(JSON.parse(await readFile(join(dir, 'cost.json'), 'utf8'))).toMatchObject({ requests: 3, completion_tokens: 6 });
  });

  it('counts replies without usage apart and skips cache hits and errors', async () => {
    const { pipeline, env, url } = await costPipeline({ defaultReply: 'x', faults: { failFirst: 1, status: 400 } }, {});
    expect((await pipeline.handle(chat(url, 'q'))).status).toBe(400);
    const streamed = chat(url, 'q');
    streamed.body.stream = true;
    await pipeline.handle(streamed);
    const report = (await pipeline.finish()).cost;
    await env.transport.close();
    expect(report).toMatchObject({ requests: 0, total_tokens: 0, responses_without_usage: 1 });
    expect(report).not.toHaveProperty('cost');
  });

  it('validates its config, naming the field', () => {
    const env = environment('http://localhost:1/v1/chat/completions', undefined, 'gpt-x');
    const noPrice = () => buildPipeline({ interceptors: [{ name: 'cost', config: { max_cost: 5, prices: { other: { input_per_million: 1, output_per_million: 1 } } } }] }, env);
    expect(noPrice).toThrow(ConfigError);
    expect(noPrice).toThrow(/cost\)\.config\.prices: max_cost needs the price of model "gpt-x"/);
    expect(() => buildPipeline({ interceptors: [{ name: 'cost', config: { max_cost: -1 } }] }, env)).toThrow(/interceptors\[0\]\.config\.max_cost/);
    expect(() => buildPipeline({ interceptors: [{ name: 'cost', config: { max_tokens_total: 1.5 } }] }, env)).toThrow(/config\.max_tokens_total/);
    expect(() => buildPipeline({ interceptors: [{ name: 'cost', config: { prices: { m: { input_per_million: 1 } } } }] }, env)).toThrow(/config\.prices\.m\.output_per_million/);
  });
});

describe('a budget stop end to end', () => {
  // Every reply is "Answer: A", two tokens; priced at 1 per completion token, cost counts them.
  const prices = { mock: { input_per_million: 0, output_per_million: 1e6 } };
  const target = (url: string, budget: number) => ({
    apiEndpoint: { url, modelId: 'mock', type: 'chat' as const, adapterConfig: { interceptors: ['response_stats', { name: 'cost', config: { prices, max_cost: budget } }, 'endpoint'] } },
  });

  it('stops cleanly (no error samples), then a rerun with a larger budget resumes from the saved samples', async () => {
    server = await createMockServer({ defaultReply: 'Answer: A' });
    const dir = await tempDir();
    const config = { type: 'mmlu', outputDir: dir, params: { limitSamples: 12, parallelism: 1 } };

    const error = await evaluate(config, target(server.chatUrl, 8)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as Error).message).toMatch(/^Budget reached: spent 8 of max_cost 8 \(\d+ tokens, 4 requests\)/);
    expect((error as Error).message).toMatch(/rerun with a larger max_cost .* resumes from the saved samples/);
    expect(server.stats().requests).toBe(4);
    const saved = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(saved).toHaveLength(4);
    expect(saved.filter((s) => s.error)).toEqual([]);
    const metrics = JSON.parse(await readFile(join(dir, 'eval_factory_metrics.json'), 'utf8'));
    expect(metrics.cost).toMatchObject({ cost: 8, requests: 4, budget_reached: true });
    expect(metrics.response_stats).toMatchObject({ count: 4 });

    // The same budget resumes nothing: the tally of this output dir is spent.
    server.resetStats();
    await expect(evaluate(config, target(server.chatUrl, 8))).rejects.toThrow(BudgetExceededError);
    expect(server.stats().requests).toBe(0);

    const result = await evaluate(config, target(server.chatUrl, 30));
    expect(server.stats().requests).toBe(8);
    expect(result.evalforge.samples).toEqual({ total: 12, resumed: 4, requested: 8, errors: 0 });
    expect(result.evalforge.interceptors.cost).toMatchObject({ cost: 24, requests: 12, budget_reached: false });
    const resultsFile = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    expect(resultsFile.evalforge.interceptors.cost).toMatchObject({ cost: 24, max_cost: 30 });
  });

  it('lets requests in flight finish and saves them when the budget runs out', async () => {
    server = await createMockServer({ defaultReply: 'Answer: A', latencyMs: 20 });
    const dir = await tempDir();
    const config = { type: 'mmlu', outputDir: dir, params: { limitSamples: 40, parallelism: 4 } };
    await expect(evaluate(config, target(server.chatUrl, 10))).rejects.toThrow(BudgetExceededError);
    const stats = server.stats();
    const saved = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    // Every request that reached the endpoint finished and was saved; none is an error.
    expect(stats.completed).toBe(stats.requests);
    expect(saved).toHaveLength(stats.requests);
    expect(saved.every((s) => !s.error && s.response === 'Answer: A')).toBe(true);
    // 5 replies reach the budget; up to 3 more were in flight then.
    expect(stats.requests).toBeGreaterThanOrEqual(5);
    expect(stats.requests).toBeLessThanOrEqual(8);
  });
});
