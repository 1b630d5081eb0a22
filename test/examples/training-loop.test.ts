import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = 'examples/training-loop/train.mjs';

interface CheckpointLine {
  step: number;
  checkpoint: string;
  output_dir: string;
  metrics?: Record<string, number>;
  stderr?: Record<string, number | null>;
  samples: number;
  aborted?: string;
  eval_ms: number;
}

function readMetrics(runDir: string): CheckpointLine[] {
  return readFileSync(join(runDir, 'eval-metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CheckpointLine);
}

/** The training-loop example runs against dist/ (which `npm test` builds first), as documented. */
describe('examples/training-loop', () => {
  const work = mkdtempSync(join(tmpdir(), 'evalforge-training-loop-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('evaluates every 250 steps into its own output dir and appends one JSONL line per checkpoint', async () => {
    const runDir = join(work, 'run');
    const { stdout } = await run(process.execPath, [SCRIPT, runDir], { timeout: 60_000 });
    expect(stdout).toContain('  step-000250: 10/10 samples, 0 failed');

    const lines = readMetrics(runDir);
    expect(lines.map((line) => line.step)).toEqual([250, 500, 750, 1000]);
    for (const line of lines) {
      expect(line.output_dir).toBe(join(runDir, 'evals', line.checkpoint));
      expect(existsSync(join(line.output_dir, 'results.yml'))).toBe(true);
      expect(line.samples).toBe(10);
      expect(line.aborted).toBeUndefined();
    }
    // The stand-in model improves with training; the numbers are fixed by the seed.
    const strict = lines.map((line) => line.metrics?.['gsm8k_zeroshot_cot/exact_match__strict-match']);
    expect(strict).toEqual([0.3, 0.4, 0.6, 0.9]);
    expect(lines[0]?.stderr?.['gsm8k_zeroshot_cot/exact_match__strict-match']).toBeCloseTo(Math.sqrt(0.3 * 0.7 * 10 / 9) / Math.sqrt(10), 12);
    expect(stdout).toMatch(/^step 1000: exact_match__strict-match 0\.900, exact_match__flexible-extract 0\.900$/m);

    // Rerunning into a new run dir gives the same numbers: the subset and the seed are fixed.
    const again = join(work, 'again');
    await run(process.execPath, [SCRIPT, again], { timeout: 60_000 });
    expect(readMetrics(again).map((line) => line.metrics)).toEqual(lines.map((line) => line.metrics));
  });

  it('records an evaluation that overruns its time budget and keeps training', async () => {
    const runDir = join(work, 'budget');
    const { stdout } = await run(process.execPath, [SCRIPT, runDir], { timeout: 60_000, env: { ...process.env, EVAL_BUDGET_MS: '1' } });
    const lines = readMetrics(runDir);
    expect(lines.map((line) => line.step)).toEqual([250, 500, 750, 1000]);
    for (const line of lines) {
      expect(line.aborted).toBe('time budget of 1 ms');
      expect(line.metrics).toBeUndefined();
    }
    expect(stdout).toMatch(/^step 250: aborted \(time budget of 1 ms\) after \d+ samples$/m);
  });

  it('stops evaluating and training on Ctrl-C (SIGINT) and still exits cleanly', async () => {
    const runDir = join(work, 'interrupted');
    const child = spawn(process.execPath, [SCRIPT, runDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const first = !stdout.includes('step 250:');
      stdout += chunk.toString();
      // Once: a second Ctrl-C ends the process at once, as Node's default.
      if (first && stdout.includes('step 250:')) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toMatch(/metrics: \S+eval-metrics\.jsonl\n$/);
    const lines = readMetrics(runDir);
    expect(lines.length).toBeLessThan(4);
    expect(lines[0]?.metrics).toBeDefined();
    for (const line of lines) if (line.aborted !== undefined) expect(line.aborted).toBe('interrupted');
  });
});
