import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import type { SampleRecord } from '../../src/core/results/sample-log.js';
import { latestRecords, readRunOutput } from '../../src/report/read-run-output.js';
import { mixedSamples, writeOutputDir } from './output-dir-fixture.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-report-read-'));

describe('latestRecords', () => {
  const record = (id: string, index: number, error?: boolean, score = 1): SampleRecord => ({
    id, index, target: '', scores: error ? {} : { s: score }, latency_ms: 1, ...(error ? { error: { message: 'failed' } } : {}),
  });

  it('keeps the last successful record per id, an error only when nothing succeeded, in dataset order', () => {
    const records = [record('b', 1, true), record('a', 0, false, 0), record('b', 1, false, 1), record('b', 1, true), record('c', 2, true), record('c', 2, true)];
    const latest = latestRecords(records);
    expect(latest.map((r) => [r.id, r.error ? 'error' : r.scores.s])).toEqual([['a', 0], ['b', 1], ['c', 'error']]);
    expect(latest[2]).toBe(records[5]);
  });
});

describe('readRunOutput', () => {
  it('reads results.yml and samples.jsonl, skipping a truncated last line', async () => {
    const dir = await writeOutputDir(await tempDir(), { samples: mixedSamples(), rawLines: ['{"id":"cut', ''] });
    const run = await readRunOutput(dir);
    expect(run.dir).toBe(dir);
    expect(run.framework).toBe('simple_evals');
    expect(run.facts.task?.name).toBe('mmlu');
    expect(run.samples).toHaveLength(mixedSamples().length);
    expect(Object.keys(run.results.tasks)).toContain('mmlu_anatomy');
  });

  it('reads a run without samples.jsonl', async () => {
    const dir = await writeOutputDir(await tempDir(), {});
    expect((await readRunOutput(dir)).samples).toEqual([]);
  });

  it('names the dir and the fix when there is no results.yml or no valid results section', async () => {
    const empty = await tempDir();
    await expect(readRunOutput(empty)).rejects.toThrow(ConfigError);
    await expect(readRunOutput(empty)).rejects.toThrow(`output_dir: ${empty} has no results.yml`);
    const broken = await tempDir();
    await writeFile(join(broken, 'results.yml'), 'results:\n  tasks: 3\n');
    await expect(readRunOutput(broken)).rejects.toThrow(/results\.yml has no valid results section \(results\.tasks: .*\n  Fix: pass the output_dir of a finished run/);
    await writeFile(join(broken, 'results.yml'), 'results: [unclosed\n');
    await expect(readRunOutput(broken)).rejects.toThrow(/results\.yml is not valid YAML/);
  });
});
