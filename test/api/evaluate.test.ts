import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../src/api/evaluate.js';
import { AbortedError, ConfigError, EndpointError } from '../../src/core/errors.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../src/testing/index.js';
import { readSamples } from '../helpers/read-samples.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: MockServerOptions): Promise<MockServer> {
  server = await createMockServer(options);
  return server;
}

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-evaluate-'));


/** Gold letters of the first abstract_algebra rows, so replies can be scripted right or wrong. */
async function mmluGold(n: number): Promise<string[]> {
  const { createDatasetReader } = await import('../../src/core/datasets/create-dataset-reader.js');
  const { mmluTestFile } = await import('../../src/harnesses/simple-evals/mmlu-data.js');
  const gold: string[] = [];
  for await (const row of createDatasetReader().rows(mmluTestFile('abstract_algebra'))) {
    gold.push(String(row.row.answer));
    if (gold.length === n) break;
  }
  return gold;
}

describe('evaluate() end to end against the mock endpoint', () => {
  it('runs mmlu, writes samples.jsonl, run_config.yml and results.yml in NeMo layout', async () => {
    // 'X' is no letter A-D, so nothing is extracted and every sample scores 0.
    const s = await start({ defaultReply: 'Reasoning...\nAnswer: X' });
    const dir = await tempDir();
    const result = await evaluate(
      { type: 'mmlu', outputDir: dir, params: { limitSamples: 10, parallelism: 4 } },
      { apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' } },
    );
    const samples = await readSamples(dir);
    expect(samples).toHaveLength(10);
    expect(new Set(samples.map((r) => r.id))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `abstract_algebra/${i}`)));
    for (const sample of samples) {
      expect(sample.messages[0].content).toMatch(/^Answer the following multiple choice question/);
      expect(sample.scores).toEqual({ score: 0 });
      expect(sample.extracted).toEqual({ answer: null });
      expect(typeof sample.latency_ms).toBe('number');
      expect(sample.usage).toBeDefined();
    }
    expect(result.groups.mmlu?.metrics.score?.scores.micro?.value).toBe(0);
    expect(result.tasks.mmlu_abstract_algebra?.metrics.score?.scores.micro?.stats.count).toBe(10);

    const resultsFile = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    const { evalforge, ...results } = result;
    expect(resultsFile.results).toEqual(JSON.parse(JSON.stringify(results)));
    expect(resultsFile.evalforge.interceptors).toEqual(JSON.parse(JSON.stringify(evalforge.interceptors)));
    expect(evalforge.samples).toEqual({ total: 10, resumed: 0, requested: 10, errors: 0 });
    expect(evalforge.interceptors.response_stats).toMatchObject({ count: 10, successful_count: 10, status_codes: { 200: 10 }, finish_reason: { stop: 10 }, empty_reply_ratio: 0 });
    expect(JSON.parse(await readFile(join(dir, 'eval_factory_metrics.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(evalforge.interceptors)));
    expect(resultsFile.config).toMatchObject({ type: 'mmlu', output_dir: dir, params: { limit_samples: 10, parallelism: 4, max_new_tokens: 16384, task: 'mmlu' } });
    expect(resultsFile.target.api_endpoint).toMatchObject({ model_id: 'mock', type: 'chat', url: s.chatUrl });
    expect(resultsFile.evalforge.task).toMatchObject({ name: 'mmlu', harness: 'simple_evals' });
    expect(resultsFile.evalforge.datasets[0]).toMatchObject({ name: expect.stringContaining('abstract_algebra'), rows: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(resultsFile.evalforge.samples).toEqual({ total: 10, resumed: 0, requested: 10, errors: 0 });
    expect(Object.keys(resultsFile)).toEqual([...Object.keys(resultsFile)].sort());
    const runConfig = parseYaml(await readFile(join(dir, 'run_config.yml'), 'utf8'));
    expect(runConfig).toMatchObject({ framework_name: 'simple_evals', pkg_name: 'simple_evals', config: { type: 'mmlu' } });
  });

  it('scores scripted right and wrong answers per sample', async () => {
    const gold = await mmluGold(4);
    const right = new Map<number, string>([
      [0, gold[0]!],
      [1, gold[1]!],
      [2, gold[2]!],
    ]);
    let order = 0;
    const s = await start({ replies: () => `Answer: ${right.get(order++) ?? (gold[3] === 'A' ? 'B' : 'A')}`, capacity: 1 });
    const dir = await tempDir();
    const result = await evaluate(
      { type: 'mmlu', outputDir: dir, params: { limitSamples: 4, parallelism: 1 } },
      { apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' } },
    );
    expect(result.groups.mmlu?.metrics.score?.scores.micro?.value).toBe(0.75);
    expect(result.tasks.stem?.metrics.score?.scores.micro?.value).toBe(0.75);
  });

  it('keeps finished samples when the endpoint fails for good, and a rerun resumes only the rest', async () => {
    const dir = await tempDir();
    const params = { limitSamples: 12, parallelism: 1, maxRetries: 0 };
    const failing = await start({ defaultReply: 'Answer: A', faults: { failEvery: 5 } });
    const error = await evaluate({ type: 'mmlu', outputDir: dir, params }, { apiEndpoint: { url: failing.chatUrl, modelId: 'mock', type: 'chat' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointError);
    const kept = await readSamples(dir);
    // Four answered, then the fifth request failed and was recorded as an error, not a score.
    expect(kept.filter((r) => !r.error)).toHaveLength(4);
    expect(kept.filter((r) => r.error)).toEqual([expect.objectContaining({ index: 4, scores: {}, error: expect.objectContaining({ status: 500 }) })]);
    await failing.close();
    server = undefined;

    const healthy = await start({ defaultReply: 'Answer: A' });
    const result = await evaluate({ type: 'mmlu', outputDir: dir, params }, { apiEndpoint: { url: healthy.chatUrl, modelId: 'mock', type: 'chat' } });
    expect(healthy.stats().requests).toBe(8);
    expect((await readSamples(dir)).filter((r) => !r.error)).toHaveLength(12);
    expect(result.groups.mmlu?.metrics.score?.scores.micro?.stats.count).toBe(12);
    const resultsFile = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    expect(resultsFile.evalforge.samples).toEqual({ total: 12, resumed: 4, requested: 8, errors: 0 });
  });

  it('accepts failed samples up to max_error_rate, recording them and leaving them out of the scores', async () => {
    const dir = await tempDir();
    const s = await start({ defaultReply: 'Answer: A', faults: { failEvery: 5 } });
    const result = await evaluate(
      { type: 'mmlu', outputDir: dir, params: { limitSamples: 20, parallelism: 1, maxRetries: 0, extra: { max_error_rate: 0.2 } } },
      { apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' } },
    );
    expect(result.groups.mmlu?.metrics.score?.scores.micro?.stats.count).toBe(16);
    const resultsFile = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    expect(resultsFile.evalforge.samples).toEqual({ total: 20, resumed: 0, requested: 20, errors: 4 });
    expect((await readSamples(dir)).filter((r) => r.error)).toHaveLength(4);

    const strict = evaluate(
      { type: 'mmlu', outputDir: await tempDir(), params: { limitSamples: 20, parallelism: 1, maxRetries: 0, extra: { max_error_rate: 0.1 } } },
      { apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' } },
    );
    await expect(strict).rejects.toThrow(/3 of 20 samples failed after their retries \(more than max_error_rate 0.1\)/);
  });

  it('stops on abort with finished samples on disk, and resumes', async () => {
    const dir = await tempDir();
    const s = await start({ defaultReply: 'Answer: B', latencyMs: 20 });
    const controller = new AbortController();
    const target = { apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' as const } };
    const config = { type: 'mmlu', outputDir: dir, params: { limitSamples: 40, parallelism: 2 } };
    const error = await evaluate(config, target, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 6) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
    const kept = (await readSamples(dir)).length;
    expect(kept).toBeGreaterThanOrEqual(6);
    expect(kept).toBeLessThan(40);
    s.resetStats();
    await evaluate(config, target);
    expect(s.stats().requests).toBe(40 - kept);
    expect(await readSamples(dir)).toHaveLength(40);
  });

  it('refuses to resume samples made with different generation settings', async () => {
    const dir = await tempDir();
    const s = await start({ defaultReply: 'Answer: A' });
    const target = { apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' as const } };
    await evaluate({ type: 'mmlu', outputDir: dir, params: { limitSamples: 2 } }, target);
    const changed = evaluate({ type: 'mmlu', outputDir: dir, params: { limitSamples: 2, temperature: 0.7 } }, target);
    await expect(changed).rejects.toThrow(ConfigError);
    await expect(changed).rejects.toThrow(/temperature was 0, not 0.7/);
  });

  it('honours a fractional limit_samples as NeMo does (a share of the dataset)', async () => {
    const dir = await tempDir();
    const s = await start({ defaultReply: 'Answer: A' });
    await evaluate(
      { type: 'mmlu', outputDir: dir, params: { limitSamples: 0.001, parallelism: 8 } },
      { apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' } },
    );
    expect(s.stats().requests).toBe(Math.ceil(14042 * 0.001));
  });

  it('accepts NeMo snake_case keys', async () => {
    const dir = await tempDir();
    const s = await start({ defaultReply: 'Answer: A' });
    const result = await evaluate(
      { type: 'simple_evals.mmlu', output_dir: dir, params: { limit_samples: 1 } },
      { api_endpoint: { url: s.chatUrl, model_id: 'mock', type: 'chat' } },
    );
    expect(result.groups.mmlu?.metrics.score?.scores.micro?.stats.count).toBe(1);
  });

  it('a truncated last line in samples.jsonl (crash mid-write) is re-run, not fatal', async () => {
    const dir = await tempDir();
    const s = await start({ defaultReply: 'Answer: A' });
    const target = { apiEndpoint: { url: s.chatUrl, modelId: 'mock', type: 'chat' as const } };
    await evaluate({ type: 'mmlu', outputDir: dir, params: { limitSamples: 3, parallelism: 1 } }, target);
    const lines = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n');
    await writeFile(join(dir, 'samples.jsonl'), `${lines.slice(0, 2).join('\n')}\n${lines[2]!.slice(0, 20)}`);
    // A fresh response cache, so the re-run sample reaches the endpoint instead of the cache.
    await rm(join(dir, 'cache'), { recursive: true });
    s.resetStats();
    await evaluate({ type: 'mmlu', outputDir: dir, params: { limitSamples: 3, parallelism: 1 } }, target);
    expect(s.stats().requests).toBe(1);
  });
});
