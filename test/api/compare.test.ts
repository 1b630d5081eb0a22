import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compare } from '../../src/api/compare.js';
import { evaluate } from '../../src/api/evaluate.js';
import { ConfigError } from '../../src/core/errors.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-compare-'));

interface Line {
  id: string;
  index: number;
  scores: Record<string, number>;
  error?: { message: string };
}

/** An output dir as a run leaves it: results.yml (or only run_config.yml) and samples.jsonl. */
async function runDir(lines: readonly Line[], task: { name: string; harness: string; version?: string } | 'run_config_only' = { name: 'gpqa_diamond', harness: 'simple_evals', version: '1' }): Promise<string> {
  const dir = await tempDir();
  if (task === 'run_config_only') await writeFile(join(dir, 'run_config.yml'), stringify({ config: { type: 'gpqa_diamond' }, framework_name: 'simple_evals' }));
  else await writeFile(join(dir, 'results.yml'), stringify({ results: {}, evalforge: { task } }));
  await writeFile(join(dir, 'samples.jsonl'), lines.map((line) => `${JSON.stringify({ target: '', latency_ms: 1, ...line })}\n`).join(''));
  return dir;
}

/** 30 docs: a 0/1 `score` and a continuous `chars` per run, by formulas the Python reference repeats. */
const N = 30;
const line = (i: number, run: 'a' | 'b'): Line => ({
  id: `q/${i}`,
  index: i,
  scores:
    run === 'a'
      ? { score: (i * 7) % 10 < 6 ? 1 : 0, chars: 100 + ((i * 37) % 50) }
      : { score: (i * 3) % 10 < 7 ? 1 : 0, chars: 110 + ((i * 53) % 60) },
});
/** Finished out of order, as parallel requests do, so pairing must not depend on line order. */
const scrambled = (run: 'a' | 'b') => Array.from({ length: N }, (_, k) => line((k * 11) % N, run));

describe('compare()', () => {
  it('pairs samples by id and matches scipy and the numpy bootstrap reference', async () => {
    const a = await runDir([...scrambled('a'), { id: 'q/30', index: 30, scores: {}, error: { message: 'HTTP 500' } }, { id: 'q/31', index: 31, scores: { score: 1, chars: 5 } }]);
    const b = await runDir([{ id: 'q/5', index: 5, scores: {}, error: { message: 'timeout' } }, ...scrambled('b'), { id: 'q/30', index: 30, scores: { score: 0, chars: 9 } }]);
    const result = await compare(a, b);
    expect(result.pairs).toBe(N);
    expect(result.a).toMatchObject({ dir: a, samples: 31, errors: ['q/30'], unpaired: ['q/31'], task: { name: 'gpqa_diamond', harness: 'simple_evals', version: '1' } });
    // q/5 failed first in B, then was scored: it counts, as on resume.
    expect(result.b).toMatchObject({ samples: 31, errors: [], unpaired: ['q/30'] });
    expect(result.warnings).toEqual([]);
    expect(result.metrics.map((m) => m.metric)).toEqual(['chars', 'score']);

    // Reference (computed once): scipy.stats.binomtest / ttest_rel (Debian python3-scipy 1.10.1);
    // the interval from lm-eval's Random(c) resampling scheme in CPython plus numpy.percentile.
    const [chars, score] = result.metrics;
    expect(score).toMatchObject({ kind: 'binary', pairs: 30, meanA: 0.6, meanB: 0.7, test: { name: 'mcnemar_exact', onlyA: 9, onlyB: 12 } });
    expect(score!.difference).toBeCloseTo(0.1, 15);
    expect(score!.test.pValue).toBeCloseTo(0.6636238098144531, 15);
    expect(score!.interval.low).toBeCloseTo(-0.16666666666666666, 14);
    expect(score!.interval.high).toBeCloseTo(0.4, 14);
    expect(score!.interval).toMatchObject({ level: 0.95, iterations: 1000 });
    const ids = (indices: number[]) => indices.map((i) => `q/${i}`);
    expect(score!.flips).toEqual({ up: ids([1, 4, 7, 8, 11, 14, 17, 18, 21, 24, 27, 28]), down: ids([3, 6, 9, 13, 16, 19, 23, 26, 29]) });

    expect(chars).toMatchObject({ kind: 'continuous', pairs: 30, test: { name: 'paired_t', df: 29 } });
    expect(chars!.meanA).toBeCloseTo(124.83333333333333, 12);
    expect(chars!.difference).toBeCloseTo(15.666666666666671, 12);
    if (chars!.test.name !== 'paired_t') throw new Error('expected a paired t-test');
    expect(chars!.test.t).toBeCloseTo(3.7810235723452794, 12);
    expect(chars!.test.pValue).toBeCloseTo(0.0007225568539669759, 15);
    expect(chars!.interval.low).toBeCloseTo(7.666666666666667, 12);
    expect(chars!.interval.high).toBeCloseTo(23.733333333333334, 12);
    expect(chars!.flips.down).toEqual(ids([4, 8, 16, 17, 24, 25]));
  });

  it('gives the same numbers on every call (seeded) and takes more resamples on request', async () => {
    const a = await runDir(scrambled('a'));
    const b = await runDir(scrambled('b'));
    const first = await compare(a, b);
    expect(await compare(a, b)).toEqual(first);
    const more = await compare(a, b, { iterations: 2000 });
    expect(more.metrics[1]!.interval.iterations).toBe(2000);
    await expect(compare(a, b, { iterations: 1500 })).rejects.toThrow(/iterations: expected a positive integer, whole thousands above 1000/);
  });

  it('reads a run without results.yml from its run_config.yml, and warns when task versions differ', async () => {
    const a = await runDir(scrambled('a'), 'run_config_only');
    const b = await runDir(scrambled('b'), { name: 'gpqa_diamond', harness: 'simple_evals', version: '2' });
    const c = await runDir(scrambled('b'), { name: 'gpqa_diamond', harness: 'simple_evals', version: '1' });
    expect((await compare(a, b)).warnings).toEqual([]);
    expect((await compare(c, b)).warnings).toEqual([expect.stringMatching(/different versions of gpqa_diamond \(1 and 2\).*evalforge rescore/)]);
  });

  it('refuses runs of different tasks, dirs without a run, and runs with nothing in common', async () => {
    const a = await runDir(scrambled('a'));
    const other = await runDir(scrambled('b'), { name: 'mmlu', harness: 'simple_evals', version: '1' });
    await expect(compare(a, other)).rejects.toThrow(ConfigError);
    await expect(compare(a, other)).rejects.toThrow(/runB: .* is a simple_evals\.mmlu run, .* a simple_evals\.gpqa_diamond run/);
    await expect(compare(a, await tempDir())).rejects.toThrow(/runB: .* holds no evalforge run/);
    const disjoint = await runDir([{ id: 'z/0', index: 0, scores: { score: 1 } }]);
    await expect(compare(a, disjoint)).rejects.toThrow(/no scored sample in common/);
  });
});

describe('compare() on two real runs', () => {
  let servers: MockServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });

  it('finds the samples one model got right and the other wrong', async () => {
    const run = async (reply: (question: string) => string) => {
      const server = await createMockServer({ replies: ({ prompt }) => reply(prompt) });
      servers.push(server);
      const dir = await tempDir();
      await evaluate({ type: 'mmlu', outputDir: dir, params: { limitSamples: 8, parallelism: 4 } }, { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } });
      return dir;
    };
    // One model always answers A, the other always B: they differ exactly where the gold is A or B.
    const a = await run(() => 'Answer: A');
    const b = await run(() => 'Answer: B');
    const result = await compare(a, b);
    const score = result.metrics.find((m) => m.metric === 'score')!;
    expect(result.pairs).toBe(8);
    expect(score.kind).toBe('binary');
    expect(score.flips.up.length + score.flips.down.length).toBeGreaterThan(0);
    expect(score.test).toMatchObject({ name: 'mcnemar_exact', onlyA: score.flips.down.length, onlyB: score.flips.up.length });
    expect(score.difference).toBeCloseTo(score.meanB - score.meanA, 15);
  });
});
