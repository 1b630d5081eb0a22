import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listTasks, runEval, type CliIo } from '../../src/cli/commands.js';
import { ConfigError } from '../../src/core/errors.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

const EXAMPLE = resolve('examples/custom-task/capitals.yaml');

function captureIo(): CliIo & { out(): string } {
  let out = '';
  const stdout = { write: (chunk: string) => ((out += chunk), true) } as unknown as NodeJS.WriteStream;
  const stderr = { write: () => true } as unknown as NodeJS.WriteStream;
  return { stdout, stderr, signal: new AbortController().signal, out: () => out };
}

let scratch: string;
let server: MockServer | undefined;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-cli-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('evalforge ls --custom_task', () => {
  it('lists the custom tasks after the built-in ones', async () => {
    await copyFile(resolve('examples/custom-task/capitals.jsonl'), join(scratch, 'capitals.jsonl'));
    const second = join(scratch, 'cities.yaml');
    await writeFile(second, (await readFile(EXAMPLE, 'utf8')).replace(/^name: capitals$/m, 'name: cities').replace(/^description: .*$/m, 'description: More cities'));
    const io = captureIo();
    await listTasks(['--custom_task', EXAMPLE, '--custom_task', second], io);
    const lines = io.out().trimEnd().split('\n');
    expect(lines.some((line) => line.startsWith('simple_evals.mmlu '))).toBe(true);
    expect(lines.at(-2)).toMatch(/^custom\.capitals +chat +Capital cities of 8 countries, exact match on "Answer: <city>"$/);
    expect(lines.at(-1)).toMatch(/^custom\.cities +chat +More cities$/);
  });

  it('lists only built-in tasks without the flag, and rejects unknown flags', async () => {
    const io = captureIo();
    await listTasks([], io);
    expect(io.out()).not.toContain('custom.');
    // A log-likelihood task shows that it needs prompt log-probabilities.
    expect(io.out()).toMatch(/^lm-evaluation-harness\.arc_challenge +completions\+logprobs +ARC-Challenge/m);
    await expect(listTasks(['--eval_type', 'x'], captureIo())).rejects.toThrow(ConfigError);
    await expect(listTasks(['--eval_type', 'x'], captureIo())).rejects.toThrow(/^ls: .*\n {2}Fix: valid flags: --custom_task$/);
  });
});

describe('evalforge run_eval --custom_task', () => {
  it('resolves a bare custom task name in a dry run', async () => {
    const io = captureIo();
    await runEval(['--custom_task', EXAMPLE, '--eval_type', 'capitals', '--model_id', 'm', '--model_url', 'http://localhost:1/v1/chat/completions', '--output_dir', join(scratch, 'dry'), '--dry_run'], io);
    const rendered = parseYaml(io.out().replace(/^Rendered config:\n/, ''));
    expect(rendered).toMatchObject({ framework_name: 'custom', config: { type: 'capitals', params: { task: 'capitals', max_new_tokens: 64 } } });
  });

  it('runs the custom task against an endpoint and prints its results', async () => {
    server = await createMockServer({ defaultReply: 'Answer: Paris' });
    const io = captureIo();
    const dir = join(scratch, 'run');
    await runEval(['--custom_task', EXAMPLE, '--eval_type', 'custom.capitals', '--model_id', 'm', '--model_url', server.chatUrl, '--model_type', 'chat', '--output_dir', dir], io);
    const printed = parseYaml(io.out().split('\nresults: ')[0]!);
    // Only France's capital is Paris: 1 of 8.
    expect(printed.results.tasks.capitals.metrics.exact_match.scores.exact_match.value).toBe(0.125);
    expect(io.out()).toContain(`results: ${join(dir, 'results.yml')}`);
  });

  it('fails to resolve a custom task name without the flag', async () => {
    const args = ['--eval_type', 'custom.capitals', '--model_id', 'm', '--model_url', 'http://localhost:1/v1/chat/completions', '--output_dir', join(scratch, 'none'), '--dry_run'];
    await expect(runEval(args, captureIo())).rejects.toThrow(/config\.type: unknown task "custom\.capitals"/);
  });
});

describe('evalforge run_eval: dry-run request count and run warnings', () => {
  function captureBoth(): CliIo & { out(): string; err(): string } {
    let out = '';
    let err = '';
    const stdout = { write: (chunk: string) => ((out += chunk), true) } as unknown as NodeJS.WriteStream;
    const stderr = { write: (chunk: string) => ((err += chunk), true) } as unknown as NodeJS.WriteStream;
    return { stdout, stderr, signal: new AbortController().signal, out: () => out, err: () => err };
  }
  const mmluArgs = (dir: string, url = 'http://localhost:1/v1/chat/completions') => [
    '--eval_type', 'mmlu', '--model_id', 'mock', '--model_type', 'chat', '--model_url', url, '--output_dir', dir,
    '--overrides', 'config.params.limit_samples=5',
  ];

  it('prints the requests a dry run would send: docs minus samples already finished', async () => {
    const dir = join(scratch, 'dry-count');
    const fresh = captureIo();
    await runEval([...mmluArgs(dir), '--dry_run'], fresh);
    expect(fresh.out()).toMatch(/\nRequests to send: 5 \(5 samples\)\n$/);

    // Two finished samples are resumed; the failed one is sent again.
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'samples.jsonl'),
      ['abstract_algebra/0', 'abstract_algebra/1'].map((id) => `${JSON.stringify({ id, scores: { score: 1 } })}\n`).join('') +
        `${JSON.stringify({ id: 'abstract_algebra/2', scores: {}, error: { message: 'HTTP 500' } })}\n`,
    );
    const resumed = captureIo();
    await runEval([...mmluArgs(dir), '--dry_run'], resumed);
    expect(resumed.out()).toContain(`\nRequests to send: 3 (5 samples, 2 already finished in ${join(dir, 'samples.jsonl')})\n`);
  });

  it('warns on stderr when replies are empty (a silent score killer)', async () => {
    server = await createMockServer({ defaultReply: '' });
    const io = captureBoth();
    await runEval(mmluArgs(join(scratch, 'empty-replies'), server.chatUrl), io);
    expect(io.err()).toMatch(/^warning: 100\.0% of replies \(5 of 5\) were empty/m);
    expect(io.out()).toContain('results:');
  });
});
