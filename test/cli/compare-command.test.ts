import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compare } from '../../src/api/compare.js';
import { formatComparison, runCompare } from '../../src/cli/compare-command.js';
import { requireBuiltCli, runCli } from '../helpers/run-cli.js';

/** A run dir of 12 docs whose `score` is 1 where `right(i)` and `chars` = `chars(i)`. */
async function runDir(right: (i: number) => boolean, chars: (i: number) => number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'evalforge-compare-cli-'));
  await writeFile(join(dir, 'results.yml'), stringify({ results: {}, evalforge: { task: { name: 'gpqa_diamond', harness: 'simple_evals', version: '1' } } }));
  const lines = Array.from({ length: 12 }, (_, i) => ({ id: `${i}/0`, index: i, target: 'A', scores: { score: right(i) ? 1 : 0, chars: chars(i) }, latency_ms: 1 }));
  await writeFile(join(dir, 'samples.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return dir;
}

const runs = async () => [await runDir((i) => i < 6, (i) => 100 + i), await runDir((i) => i < 9 && i !== 2, (i) => 90 + 2 * i)] as const;

/** Collects what a command writes to stdout. */
function capture() {
  let text = '';
  return { io: { stdout: { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WriteStream }, text: () => text };
}

beforeAll(requireBuiltCli);

describe('evalforge compare', () => {
  it('prints the runs, one row per metric, and the flipped samples', async () => {
    const [a, b] = await runs();
    const text = formatComparison(await compare(a, b));
    expect(text).toContain('task: simple_evals.gpqa_diamond (version 1)');
    expect(text).toContain(`A: ${a} (12 scored samples)`);
    expect(text).toContain('paired: 12 samples scored in both (0 only in A, 0 only in B)');
    expect(text).toMatch(/metric\s+pairs\s+A\s+B\s+B-A\s+95% CI \(paired bootstrap\)\s+test\s+p\s+up\s+down/);
    expect(text).toMatch(/score\s+12\s+0\.5000\s+0\.6667\s+\+0\.1667\s+\[[-+]\d\.\d{4}, [-+]\d\.\d{4}\]\s+McNemar exact\s+0\.6250\s+3\s+1/);
    expect(text).toMatch(/chars\s+12\s+105\.5000\s+101\.0000\s+-4\.5000\s+.*paired t \(df 11\)/);
    expect(text).toContain('score 0→1 (3): 6/0, 7/0, 8/0');
    expect(text).toContain('score 1→0 (1): 2/0');
    expect(text).toContain('chars lower in B (');
  });

  it('writes the whole comparison as JSON with --json', async () => {
    const [a, b] = await runs();
    const out = capture();
    await runCompare([a, b, '--json'], out.io);
    expect(JSON.parse(out.text())).toEqual(JSON.parse(JSON.stringify(await compare(a, b))));
  });

  it('runs from the built CLI, and refuses a wrong number of dirs with a usage line', async () => {
    const [a, b] = await runs();
    const ok = await runCli(['compare', a, b, '--iterations', '2000']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('McNemar exact');
    const bad = await runCli(['compare', a]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: compare: expected two output dirs, got 1\n {2}Fix: usage: evalforge compare <runA> <runB>/);
    const iterations = await runCli(['compare', a, b, '--iterations', 'many']);
    expect(iterations.stderr).toMatch(/--iterations: expected a whole number/);
  });
});
