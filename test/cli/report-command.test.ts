import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { CLI, requireBuiltCli, runCli, type CliRun } from '../helpers/run-cli.js';
import { mixedSamples, writeOutputDir } from '../report/output-dir-fixture.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-report-cli-'));

/** Runs the built CLI in `cwd`. */
function runCliIn(cwd: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(requireBuiltCli);

describe('evalforge report', () => {
  it('writes <output_dir>/report.html and prints where', async () => {
    const dir = await writeOutputDir(await tempDir(), { samples: mixedSamples() });
    const { code, stdout, stderr } = await runCli(['report', dir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`report: ${join(dir, 'report.html')} (1 run, 6 samples)\n`);
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('combines several output dirs into ./report.html, or into --output', async () => {
    const a = await writeOutputDir(await tempDir(), { samples: mixedSamples() });
    const b = await writeOutputDir(await tempDir(), { samples: mixedSamples(), model: 'model-b' });
    const cwd = await tempDir();
    const inCwd = await runCliIn(cwd, ['report', a, b]);
    expect(inCwd.code).toBe(0);
    // Two runs of one task with the same samples: the report compares them.
    expect(inCwd.stdout).toBe('report: report.html (2 runs, 12 samples, with their paired comparison)\n');
    expect(existsSync(join(cwd, 'report.html'))).toBe(true);
    const output = join(cwd, 'sweep.html');
    const titled = await runCli(['report', a, b, '--output', output, '--title', 'Sweep']);
    expect(titled.code).toBe(0);
    expect(await readFile(output, 'utf8')).toContain('"title":"Sweep"');
  });

  it('explains a dir without results.yml, a missing dir and an unknown flag, without a stack trace', async () => {
    const empty = await tempDir();
    const missing = await runCli(['report', empty]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: output_dir: ${empty} has no results.yml\n  Fix: pass the output_dir of a finished run: it holds results.yml (and samples.jsonl)\n`);
    const none = await runCli(['report']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('error: report: no output dir given\n  Fix: usage: evalforge report <output_dir>... [--output PATH] [--title TEXT]');
    const flag = await runCli(['report', empty, '--outptu', 'x.html']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/^error: report: Unknown option '--outptu'/);
    expect((await runCli(['--help'])).stdout).toContain('evalforge report <output_dir>...');
  });

  it('run_eval leaves report.html next to results.yml', async () => {
    server = await createMockServer({ defaultReply: 'Answer: C' });
    const dir = await tempDir();
    const { code } = await runCli([
      'run_eval', '--eval_type', 'mmlu', '--model_id', 'mock', '--model_type', 'chat', '--model_url', server.chatUrl,
      '--output_dir', dir, '--overrides', 'config.params.limit_samples=3',
    ]);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'results.yml'))).toBe(true);
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toContain('abstract_algebra/2');
  });
});
