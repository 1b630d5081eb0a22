import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { filesUnder } from '../helpers/files-under.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const KEY = 'sk-proxy-cli-secret-0042';

interface ProxyProcess {
  url: string;
  /** Sends `signal` and resolves with the exit code and everything printed. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `evalforge proxy` from the built CLI and waits for the URL on its first stdout line. */
function startProxyCli(args: string[]): Promise<ProxyProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [CLI, 'proxy', ...args], { env: { ...process.env, PROXY_CLI_KEY: KEY } });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      resolve({
        url: stdout.slice(0, newline),
        async stop(signal) {
          child.kill(signal);
          const code = await exited;
          return { code, stdout, stderr };
        },
      });
    });
    void exited.then((code) => reject(new Error(`proxy exited with ${code} before printing its URL: ${stderr}`)));
  });
}

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
});

describe('evalforge proxy (built dist/cli.js)', () => {
  it('serves the run config’s adapter_config with the key injected, stops on SIGINT and writes the reports', async () => {
    mock = await createMockServer({ defaultReply: 'proxied', requireApiKey: KEY, faults: { failFirst: 1 } });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-proxy-cli-'));
    const runConfig = join(dir, 'run.yml');
    await writeFile(
      runConfig,
      [
        'config:',
        '  params:',
        '    max_retries: 2',
        'target:',
        '  api_endpoint:',
        '    adapter_config:',
        '      interceptors:',
        '        - name: caching',
        '        - name: retry',
        '          config: {base_delay_ms: 1, max_delay_ms: 5}',
        '        - name: endpoint',
        '',
      ].join('\n'),
    );
    const outputDir = join(dir, 'out');
    const proxy = await startProxyCli(['--run_config', runConfig, '--model_url', mock.chatUrl, '--model_id', 'mock', '--api_key_name', 'PROXY_CLI_KEY', '--output_dir', outputDir]);
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'unused', defaultHeaders: { Authorization: null }, maxRetries: 0 });
    const request = { model: 'mock', messages: [{ role: 'user' as const, content: 'q' }] };
    expect((await client.chat.completions.create(request)).choices[0]?.message.content).toBe('proxied');
    expect((await client.chat.completions.create(request)).choices[0]?.message.content).toBe('proxied');
    // One injected 500, its retry, then the repeated request came from the cache.
    expect(mock.stats().requests).toBe(2);

    const { code, stdout, stderr } = await proxy.stop('SIGINT');
    expect(code).toBe(0);
    const printed = parseYaml(stdout.slice(stdout.indexOf('\n') + 1));
    expect(printed.interceptors.caching).toMatchObject({ hits: 1, misses: 1, saved: 1 });
    expect(parseYaml(await readFile(join(outputDir, 'proxy_report.yml'), 'utf8'))).toEqual(printed);
    expect(stderr).toContain(join(outputDir, 'proxy_report.yml'));
    for (const file of await filesUnder(outputDir)) expect(await readFile(file, 'utf8'), file).not.toContain(KEY);
    expect(stdout + stderr).not.toContain(KEY);
  });

  it('stops on SIGTERM too', async () => {
    mock = await createMockServer({ defaultReply: 'x' });
    const proxy = await startProxyCli(['--model_url', mock.completionsUrl, '--model_type', 'completions']);
    const res = await fetch(`${proxy.url}/v1/completions`, { method: 'POST', body: JSON.stringify({ prompt: 'p' }) });
    expect(((await res.json()) as any).choices[0].text).toBe('x');
    const { code, stdout } = await proxy.stop('SIGTERM');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^interceptors:/m);
  });

  it('fails clearly without --model_url, with a bad --port, or with an unset key variable', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'proxy', ...args]);
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const missing = await run([]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--model_url: missing/);
    const port = await run(['--model_url', 'http://127.0.0.1:9/v1/chat/completions', '--port', 'abc']);
    expect(port.stderr).toMatch(/--port: expected a port number/);
    const key = await run(['--model_url', 'http://127.0.0.1:9/v1/chat/completions', '--api_key_name', 'SURELY_NOT_SET_VAR']);
    expect(key.code).toBe(1);
    expect(key.stderr).toMatch(/SURELY_NOT_SET_VAR is not set/);
    const flag = await run(['--modelurl', 'x']);
    expect(flag.stderr).toMatch(/valid flags: --model_url/);
    for (const r of [missing, port, key, flag]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
