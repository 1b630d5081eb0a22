import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../src/api/evaluate.js';
import { createMockServer, type MockServer, type MockServerOptions } from '../../src/testing/index.js';
import { hashedLetterReply } from '../helpers/hashed-replies.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SAMPLES = 100;

/** The default chain with a fast retry (Retry-After and backoff capped at 20 ms) so the test stays quick. */
const adapterConfig = {
  interceptors: ['caching', 'response_stats', { name: 'retry', config: { base_delay_ms: 2, max_delay_ms: 20 } }, 'endpoint'],
};

interface Run {
  results: Record<string, unknown>;
  samples: Map<string, { scores: unknown; response: unknown; extracted: unknown }>;
  summary: Record<string, unknown>;
  mock: MockServer;
}

async function runMmlu(options: MockServerOptions): Promise<Run> {
  const mock = await createMockServer({ replies: hashedLetterReply, ...options });
  server = mock;
  const dir = await mkdtemp(join(tmpdir(), 'evalforge-faults-'));
  await evaluate(
    { type: 'mmlu', outputDir: dir, params: { limitSamples: SAMPLES, parallelism: 8, requestTimeout: 0.5, maxRetries: 12 } },
    { apiEndpoint: { url: mock.chatUrl, modelId: 'mock', type: 'chat', adapterConfig } },
  );
  const file = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
  const samples = new Map<string, { scores: unknown; response: unknown; extracted: unknown }>();
  for (const line of (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n')) {
    const record = JSON.parse(line);
    expect(samples.has(record.id)).toBe(false);
    samples.set(record.id, { scores: record.scores, response: record.response, extracted: record.extracted });
  }
  return { results: file.results, samples, summary: file.evalforge.samples, mock };
}

describe('fault injection end to end (evaluate() against a mock that fails 20% of requests)', () => {
  it('ends with exactly the scores of a clean run', async () => {
    const clean = await runMmlu({});
    await clean.mock.close();
    const faulty = await runMmlu({ faults: { randomRate: 0.2, seed: 1, kinds: ['fail', 'rateLimit', 'reset', 'hang'], retryAfter: 1 } });

    // The faults really happened: failed attempts at the mock, each retried until it succeeded.
    const stats = faulty.mock.stats();
    expect(stats.failed).toBeGreaterThanOrEqual(10);
    expect(stats.completed).toBe(SAMPLES);
    expect(stats.requests).toBe(SAMPLES + stats.failed);

    const score = (clean.results as any).groups.mmlu.metrics.score.scores.micro.value;
    expect(score).toBeGreaterThan(0.1);
    expect(score).toBeLessThan(0.6);
    expect(faulty.results).toEqual(clean.results);
    expect(faulty.samples.size).toBe(SAMPLES);
    expect(faulty.samples).toEqual(clean.samples);
    expect(faulty.summary).toEqual({ total: SAMPLES, resumed: 0, requested: SAMPLES, errors: 0 });
  });
});
