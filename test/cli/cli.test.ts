import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; `onStderr` may signal the child (e.g. Ctrl-C) once some output appears. */
function runCli(args: string[], onStderr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, SECRET_FOR_TEST: 'sk-very-secret-cli-key' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      onStderr?.(stderr, (signal) => child.kill(signal));
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
});

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-cli-'));

describe('evalforge CLI (built dist/cli.js)', () => {
  it('ls lists every task with harness, endpoint types and a description', async () => {
    const { code, stdout } = await runCli(['ls']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/lm-evaluation-harness\.gsm8k\s+completions\s+\S/);
    expect(stdout).toMatch(/lm-evaluation-harness\.gsm8k_cot_llama\s+chat/);
    expect(stdout).toMatch(/lm-evaluation-harness\.gsm8k_cot_instruct\s+chat\s+.*not published/);
    expect(stdout).toMatch(/simple_evals\.mmlu\s+chat/);
  });

  it('run_eval runs gsm8k on completions with NeMo flags and writes results.yml', async () => {
    server = await createMockServer({ defaultReply: ' She makes 9 * 2 = $18.\n#### 18' });
    const dir = await tempDir();
    const { code, stdout, stderr } = await runCli([
      'run_eval', '--eval_type', 'gsm8k', '--model_id', 'mock', '--model_type', 'completions',
      '--model_url', server.completionsUrl, '--output_dir', dir,
      '--overrides', 'config.params.limit_samples=3,config.params.parallelism=2',
    ]);
    expect(stderr).toMatch(/progress: 3\/3 samples/);
    expect(code).toBe(0);
    expect(stdout).toContain(join(dir, 'results.yml'));
    const results = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    // Doc 0's gold is 18: both filters find it; docs 1 and 2 have other golds.
    const strict = results.results.tasks.gsm8k.metrics['exact_match__strict-match'].scores['exact_match__strict-match'];
    expect(strict.value).toBeCloseTo(1 / 3);
    expect(strict.stats.count).toBe(3);
    expect(results.config.params.limit_samples).toBe(3);
  });

  it('layers run config < flags < overrides, and --dry_run sends nothing and shows no secret', async () => {
    const dir = await tempDir();
    const runConfig = join(dir, 'run.yml');
    await writeFile(
      runConfig,
      'config:\n  type: mmlu\n  output_dir: /tmp/from-yaml\n  params:\n    parallelism: 3\n    limit_samples: 7\ntarget:\n  api_endpoint:\n    model_id: from-yaml\n    url: http://127.0.0.1:9/v1/chat/completions\n    api_key_name: SECRET_FOR_TEST\n',
    );
    const { code, stdout } = await runCli(['run_eval', '--run_config', runConfig, '--model_id', 'from-flag', '--overrides', 'config.params.parallelism=5', '--dry_run']);
    expect(code).toBe(0);
    const rendered = parseYaml(stdout.replace(/^Rendered config:\n/, ''));
    expect(rendered.config.params).toMatchObject({ parallelism: 5, limit_samples: 7 });
    expect(rendered.target.api_endpoint).toMatchObject({ model_id: 'from-flag', api_key_name: 'SECRET_FOR_TEST' });
    expect(stdout).not.toContain('sk-very-secret-cli-key');
  });

  it('fails with a one-paragraph message, never a stack trace', async () => {
    const unknown = await runCli(['run_eval', '--eval_type', 'mmluu', '--model_id', 'm', '--model_url', 'http://127.0.0.1:9/v1/chat/completions', '--output_dir', '/tmp/x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown task "mmluu"[\s\S]*did you mean mmlu/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);

    const wrongType = await runCli(['run_eval', '--eval_type', 'mmlu', '--model_type', 'completions', '--model_id', 'm', '--model_url', 'http://127.0.0.1:9/v1/completions', '--output_dir', '/tmp/x']);
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toMatch(/does not support endpoint type "completions"[\s\S]*use one of: chat/);

    const badYaml = join(await tempDir(), 'bad.yml');
    await writeFile(badYaml, 'config:\n  params:\n    parallelism: [\n');
    const yamlError = await runCli(['run_eval', '--run_config', badYaml]);
    expect(yamlError.code).toBe(1);
    expect(yamlError.stderr).toMatch(/bad\.yml is not valid YAML/);
    expect(yamlError.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreachable endpoint fails clearly after retries', async () => {
    const dir = await tempDir();
    const { code, stderr } = await runCli([
      'run_eval', '--eval_type', 'mmlu', '--model_id', 'm', '--model_url', 'http://127.0.0.1:9/v1/chat/completions', '--output_dir', dir,
      '--overrides', 'config.params.limit_samples=1,config.params.max_retries=0',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/127\.0\.0\.1:9\/v1\/chat\/completions failed after 1 attempts; last: connection failed/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('Ctrl-C stops cleanly with exit 130, keeps finished samples, and a rerun resumes', async () => {
    server = await createMockServer({ defaultReply: 'Answer: A', latencyMs: 30 });
    const dir = await tempDir();
    const args = [
      'run_eval', '--eval_type', 'mmlu', '--model_id', 'mock', '--model_url', server.chatUrl, '--output_dir', dir,
      '--overrides', 'config.params.limit_samples=300,config.params.parallelism=2',
    ];
    let sent = false;
    const interrupted = await runCli(args, (_text, kill) => {
      if (!sent && existsSync(join(dir, 'samples.jsonl'))) {
        sent = true;
        setTimeout(() => kill('SIGINT'), 200);
      }
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/interrupted after \d+ finished samples/);
    const kept = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(300);

    server.resetStats();
    const resumed = await runCli(args);
    expect(resumed.code).toBe(0);
    expect(server.stats().requests).toBe(300 - kept);
    expect((await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(300);
  });

  it('exits 3 when the cost budget is spent, saying what was spent and that a rerun with more resumes', async () => {
    server = await createMockServer({ defaultReply: 'Answer: A' });
    const dir = await tempDir();
    const runConfig = join(dir, 'run.yml');
    await writeFile(runConfig, 'target:\n  api_endpoint:\n    adapter_config:\n      interceptors:\n        - {name: cost, config: {max_tokens_total: 1}}\n        - endpoint\n');
    const args = ['run_eval', '--run_config', runConfig, '--eval_type', 'mmlu', '--model_id', 'mock', '--model_url', server.chatUrl, '--output_dir', dir];
    const { code, stderr } = await runCli([...args, '--overrides', 'config.params.limit_samples=5,config.params.parallelism=1']);
    expect(code).toBe(3);
    expect(stderr).toMatch(/error: Budget reached: spent \d+ tokens of max_tokens_total 1 \(1 requests\)/);
    expect(stderr).toMatch(/Fix: rerun with a larger max_tokens_total/);
    expect(server.stats().requests).toBe(1);
  });
});
