import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { evaluate } from '../../src/api/evaluate.js';
import { formatRescore } from '../../src/cli/rescore-command.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { requireBuiltCli, runCli } from '../helpers/run-cli.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(requireBuiltCli);

/** An mmlu run of 4 questions answered "B" (right for 2 of them), then its samples marked all wrong (as a buggy scorer would). */
async function brokenMmluRun(): Promise<{ dir: string; right: string[] }> {
  server = await createMockServer({ defaultReply: 'Answer: B' });
  const dir = await mkdtemp(join(tmpdir(), 'evalforge-rescore-cli-'));
  await evaluate({ type: 'mmlu', outputDir: dir, params: { limitSamples: 4 } }, { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } });
  await server.close();
  server = undefined;
  const lines = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  await writeFile(join(dir, 'samples.jsonl'), lines.map((l) => `${JSON.stringify({ ...l, scores: { score: 0 } })}\n`).join(''));
  const results = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
  results.results.groups.mmlu.metrics.score.scores.micro.value = 0;
  await writeFile(join(dir, 'results.yml'), stringify(results));
  return { dir, right: lines.filter((l) => l.scores.score === 1).map((l) => l.id) };
}

describe('evalforge rescore', () => {
  it('prints what changed and writes nothing with --dry_run', async () => {
    const { dir, right } = await brokenMmluRun();
    const before = await readFile(join(dir, 'samples.jsonl'), 'utf8');
    const { code, stdout, stderr } = await runCli(['rescore', dir, '--dry_run']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`rescored simple_evals.mmlu (version 1): ${dir}`);
    expect(stdout).toContain(`samples: 4 scored, 4 rescored, ${right.length} changed, 0 kept as recorded, 0 failed lines left as they are`);
    expect(right).toHaveLength(2);
    expect(stdout).toContain(`score up (2): ${right.join(', ')}`);
    expect(stdout).toMatch(/groups\.mmlu\.score\.micro: 0\.0000 → 0\.5000 \(\+0\.5000\)/);
    expect(stdout).toContain('dry run: nothing written');
    expect(await readFile(join(dir, 'samples.jsonl'), 'utf8')).toBe(before);
  });

  it('rewrites the run and prints JSON with --json', async () => {
    const { dir, right } = await brokenMmluRun();
    const { code, stdout } = await runCli(['rescore', dir, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.samples.changed).toBe(right.length);
    expect(result.written).toContain(join(dir, 'samples.jsonl.bak'));
    expect(formatRescore(result)).toContain(`written: ${join(dir, 'samples.jsonl.bak')}`);
  });

  it('names the problem when the dir holds no run', async () => {
    const { code, stderr } = await runCli(['rescore', await mkdtemp(join(tmpdir(), 'evalforge-rescore-cli-'))]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: output_dir: .* has no run_config\.yml/);
  });
});
