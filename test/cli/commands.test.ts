import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
