import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runEval, type CliIo } from '../../src/cli/commands.js';
import { createMultiProgressDisplay } from '../../src/cli/multi-progress-display.js';
import type { RunProgress } from '../../src/core/runner.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

function stream(isTTY: boolean) {
  let text = '';
  const s = { isTTY, write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WriteStream;
  return { s, text: () => text };
}
const progress = (done: number, total: number, failed = 0): RunProgress => ({ done, total, resumed: 0, failed, elapsedMs: 1000 });

describe('multi-task progress display', () => {
  it('on a TTY keeps one line per task and redraws them in place', () => {
    const out = stream(true);
    const display = createMultiProgressDisplay(out.s, ['gsm8k', 'mmlu_pro']);
    display.updater('gsm8k')(progress(5, 10));
    display.finish();
    display.updater('mmlu_pro')(progress(2, 4, 1));
    display.finish();
    const frames = out.text().split('\x1b[2A');
    expect(frames).toHaveLength(3);
    expect(frames[2]).toContain('gsm8k     [##########..........] 5/10 samples (5.0/s, ETA 00:01, 0 errors)');
    expect(frames[2]).toContain('mmlu_pro  [##########..........] 2/4 samples (2.0/s, ETA 00:01, 1 errors)');
  });

  it('elsewhere writes a plain line per task that moved', () => {
    const out = stream(false);
    const display = createMultiProgressDisplay(out.s, ['a', 'b'], 0);
    display.updater('a')(progress(1, 2));
    display.updater('a')(progress(1, 2));
    display.finish();
    expect(out.text().trim().split('\n')).toEqual(['progress a: 1/2 samples (1.0/s, ETA 00:01, 0 errors)']);
  });
});

describe('run_eval with several tasks', () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('runs each into <output_dir>/<task> at once and prints each result', async () => {
    server = await createMockServer({ defaultReply: 'The answer is 3.\nAnswer: B' });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-multi-'));
    let out = '';
    let err = '';
    const io: CliIo = {
      stdout: { write: (c: string) => ((out += c), true) } as unknown as NodeJS.WriteStream,
      stderr: { write: (c: string) => ((err += c), true) } as unknown as NodeJS.WriteStream,
      signal: new AbortController().signal,
    };
    await runEval(['--eval_type', 'gsm8k_cot_instruct,simple_evals.mmlu', '--model_id', 'm', '--model_url', server.chatUrl, '--model_type', 'chat', '--output_dir', dir, '--overrides', 'config.params.limit_samples=3'], io);
    expect(existsSync(join(dir, 'gsm8k_cot_instruct', 'results.yml'))).toBe(true);
    expect(existsSync(join(dir, 'simple_evals_mmlu', 'results.yml'))).toBe(true);
    expect(out).toContain('=== gsm8k_cot_instruct');
    expect(out).toContain('=== simple_evals.mmlu');
    expect(err).toMatch(/^progress gsm8k_cot_instruct: 3\/3 samples/m);
    expect(err).toMatch(/^progress simple_evals\.mmlu: 3\/3 samples/m);
  });
});
