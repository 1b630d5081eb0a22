import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs an example script as a user would (against dist/, which `npm test` builds first). */
async function runExample(path: string): Promise<string> {
  const { stdout } = await run(process.execPath, [path], { timeout: 60_000 });
  return stdout;
}

describe('examples run as documented', () => {
  it('quickstart.mjs prints the scores and where results.yml is', async () => {
    const out = await runExample('examples/quickstart.mjs');
    expect(out).toMatch(/gsm8k_zeroshot_cot exact_match__strict-match +0\.\d{3} ± 0\.\d{3}/);
    expect(out).toMatch(/results\.yml: +\S+results\.yml/);
  });

  it('loglikelihood-task.mjs scores a code-defined log-likelihood task', async () => {
    const out = await runExample('examples/loglikelihood-task.mjs');
    expect(out).toContain('trivia_mc acc: 0.667 (2 of 3 expected)');
  });
});
