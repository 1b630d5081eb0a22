import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/api/evaluate.js';
import { writeRunReport } from '../../src/report/write-run-report.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { mixedSamples, writeOutputDir } from './output-dir-fixture.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-run-report-'));

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('writeRunReport', () => {
  it('writes report.html into the output dir', async () => {
    const dir = await writeOutputDir(await tempDir(), { samples: mixedSamples() });
    const warnings: string[] = [];
    await writeRunReport(dir, (line) => warnings.push(line));
    expect(warnings).toEqual([]);
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('only warns when the report cannot be written', async () => {
    const dir = await tempDir();
    const warnings: string[] = [];
    await expect(writeRunReport(dir, (line) => warnings.push(line))).resolves.toBeUndefined();
    expect(warnings).toEqual([`warning: the run finished but ${join(dir, 'report.html')} was not written: output_dir: ${dir} has no results.yml\n  Fix: pass the output_dir of a finished run: it holds results.yml (and samples.jsonl)\n`]);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });

  it('runs after every evaluation: report.html sits next to results.yml', async () => {
    server = await createMockServer({ defaultReply: 'Answer: B' });
    const dir = await tempDir();
    await evaluate({ type: 'mmlu', outputDir: dir, params: { limitSamples: 4 } }, { apiEndpoint: { modelId: 'mock', url: server.chatUrl, type: 'chat' } });
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('"task":"mmlu"');
    expect(html).toContain('abstract_algebra/3');
  });
});
