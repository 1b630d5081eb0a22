import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunOutput } from '../../src/report/read-run-output.js';
import { buildReportContent } from '../../src/report/report-data.js';
import { manySamples, mixedSamples, writeOutputDir } from './output-dir-fixture.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-report-data-'));

describe('buildReportContent', () => {
  it('describes a run, files its samples by outcome and bins latency and tokens of the answered ones', async () => {
    const run = await readRunOutput(await writeOutputDir(await tempDir(), { samples: mixedSamples() }));
    const { data, samples } = buildReportContent([run], { now: new Date('2026-02-03T04:05:06Z') });
    expect(data.generatedAt).toBe('2026-02-03T04:05:06.000Z');
    expect(data.title).toBe('evalforge report: mmlu · model-a');
    expect(data.runs[0]).toMatchObject({
      label: 'mmlu · model-a', task: 'mmlu', harness: 'simple_evals', model: 'model-a', endpointType: 'chat',
      primaryScore: 'score', outcomes: { correct: 3, incorrect: 2, error: 1 }, runtimeSeconds: 12.5,
    });
    expect(data.runs[0]!.responseStats).toMatchObject({ p50_latency_ms: 120 });
    expect(samples.map(([r, outcome, record]) => [r, outcome, record.id])).toEqual([
      [0, 0, 'abstract_algebra/0'], [0, 1, 'abstract_algebra/1'], [0, 0, 'anatomy/0'], [0, 2, 'anatomy/1'], [0, 1, 'world_religions/0'], [0, 0, 'world_religions/1'],
    ]);
    // The failed request's 30 s is not a reply latency.
    const latency = data.histograms.latencyMs!;
    expect(latency.counts[0]!.reduce((a, b) => a + b)).toBe(5);
    expect(latency.edges.at(-1)).toBeLessThan(30_000);
    expect(data.histograms.promptTokens!.counts[0]!.reduce((a, b) => a + b)).toBe(4);
    expect(data.histograms.completionTokens).toBeDefined();
  });

  it('labels runs uniquely and bins several runs on shared edges', async () => {
    const a = await readRunOutput(await writeOutputDir(join(await tempDir(), 'run-a'), { samples: manySamples(40) }));
    const b = await readRunOutput(await writeOutputDir(join(await tempDir(), 'run-b'), { samples: manySamples(60) }));
    const { data, samples } = buildReportContent([a, b]);
    expect(data.runs.map((r) => r.label)).toEqual(['mmlu · model-a (run-a)', 'mmlu · model-a (run-b)']);
    expect(samples).toHaveLength(100);
    expect(samples.filter(([r]) => r === 1)).toHaveLength(60);
    expect(data.histograms.latencyMs!.counts).toHaveLength(2);
    expect(data.comparison).toBeUndefined();
  });

  it('keeps a comparison it is given', async () => {
    const run = await readRunOutput(await writeOutputDir(await tempDir(), {}));
    const side = { samples: 0, errors: 0, unpaired: 0 };
    const comparison = { pairs: 0, a: side, b: side, metrics: [], warnings: [] };
    expect(buildReportContent([run], { comparison }).data.comparison).toBe(comparison);
    expect(buildReportContent([run]).data.histograms).toEqual({});
  });
});
