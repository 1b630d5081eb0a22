import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { filesUnder } from '../helpers/files-under.js';
import { requireBuiltCli, runCli, type CliRun } from '../helpers/run-cli.js';

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});
beforeAll(requireBuiltCli);

const KEY = 'sk-e2e-secret-7f3a9c21d4';
const WRONG_KEY = 'sk-e2e-wrong-b81e55f0aa';

/** Every file the run wrote that contains `secret`, and whether its console output did. */
async function leaks(dir: string, run: CliRun, secret: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await filesUnder(dir)) if ((await readFile(file)).includes(secret)) found.push(file);
  if ((run.stdout + run.stderr).includes(secret)) found.push('<console output>');
  return found;
}

function runEval(dir: string, key: string, extra: string[] = []): Promise<CliRun> {
  return runCli(
    [
      'run_eval', '--eval_type', 'mmlu', '--model_id', 'mock', '--model_url', (mock as MockServer).chatUrl, '--output_dir', dir,
      '--api_key_name', 'EVALFORGE_E2E_KEY', '--overrides', 'config.params.limit_samples=10,config.params.parallelism=2', ...extra,
    ],
    { EVALFORGE_E2E_KEY: key },
  );
}

describe('the API key never reaches disk or the console (built CLI)', () => {
  it('with the default adapter config: caches, metrics and results hold no key', async () => {
    mock = await createMockServer({ defaultReply: 'Answer: A', requireApiKey: KEY });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-secret-'));
    const run = await runEval(dir, KEY);
    expect(run.code).toBe(0);
    const files = await filesUnder(dir);
    expect(files.some((file) => file.includes(`${join(dir, 'cache')}/`))).toBe(true);
    expect(files).toContain(join(dir, 'results.yml'));
    expect(await leaks(dir, run, KEY)).toEqual([]);
    expect(await readFile(join(dir, 'run_config.yml'), 'utf8')).toContain('api_key_name: EVALFORGE_E2E_KEY');
  });

  it('with every logging interceptor on and failed requests logged: headers are redacted', async () => {
    mock = await createMockServer({ defaultReply: 'Answer: B', requireApiKey: KEY, faults: { failFirst: 2, rateLimitFirst: 1 } });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-secret-'));
    const runConfig = join(dir, 'run.yml');
    await writeFile(
      runConfig,
      [
        'target:',
        '  api_endpoint:',
        '    adapter_config:',
        '      log_failed_requests: true',
        '      interceptors:',
        '        - name: request_logging',
        '          config: {max_requests: null}',
        '        - name: caching',
        '          config: {save_requests: true}',
        '        - name: response_stats',
        '        - name: retry',
        '          config: {base_delay_ms: 1, max_delay_ms: 5}',
        '        - name: endpoint',
        '        - name: response_logging',
        '',
      ].join('\n'),
    );
    const run = await runEval(dir, KEY, ['--run_config', runConfig]);
    expect(run.code).toBe(0);
    const failed = await readFile(join(dir, 'logs', 'failed_requests.jsonl'), 'utf8');
    expect(failed.trim().split('\n')).toHaveLength(3);
    expect(failed).toContain('[REDACTED]');
    expect(await readFile(join(dir, 'logs', 'requests.jsonl'), 'utf8')).toContain('[REDACTED]');
    expect(await leaks(dir, run, KEY)).toEqual([]);
  });

  it('a rejected key fails with a message naming the fix, not the key', async () => {
    mock = await createMockServer({ defaultReply: 'Answer: A', requireApiKey: KEY });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-secret-'));
    const runConfig = join(dir, 'run.yml');
    await writeFile(runConfig, 'target:\n  api_endpoint:\n    adapter_config:\n      log_failed_requests: true\n');
    const run = await runEval(dir, WRONG_KEY, ['--run_config', runConfig]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/rejected the request with HTTP 401: Incorrect or missing API key/);
    expect(run.stderr).toMatch(/Fix: check the key in the environment variable named by api_key_name/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // The failed request was logged, with its authorization header redacted.
    expect(await readFile(join(dir, 'logs', 'failed_requests.jsonl'), 'utf8')).toContain('[REDACTED]');
    expect(await leaks(dir, run, WRONG_KEY)).toEqual([]);
    expect(await leaks(dir, run, KEY)).toEqual([]);
  });
});
