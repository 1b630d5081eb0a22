import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { hashedLetterReply } from '../helpers/hashed-replies.js';
import { requireBuiltCli, runCli } from '../helpers/run-cli.js';

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});
beforeAll(requireBuiltCli);

const LIMIT = 300;

function runEvalArgs(url: string, dir: string): string[] {
  return [
    'run_eval', '--eval_type', 'mmlu', '--model_id', 'mock', '--model_url', url, '--output_dir', dir,
    '--overrides', `config.params.limit_samples=${LIMIT},config.params.parallelism=4`,
  ];
}

/** Ids of the samples a rerun counts as finished: complete lines without an error. */
async function finishedIds(dir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const line of (await readFile(join(dir, 'samples.jsonl'), 'utf8')).split('\n')) {
    try {
      const record = JSON.parse(line);
      if (!record.error) ids.push(record.id);
    } catch {
      // The line a kill cut short (or the empty string after the last newline).
    }
  }
  return ids;
}

const readResults = async (dir: string) => parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));

describe('crash resume (built CLI killed with SIGKILL mid-run)', () => {
  it('reruns only unfinished samples and ends with the results of a clean run', async () => {
    mock = await createMockServer({ replies: hashedLetterReply, latencyMs: 15 });
    const cleanDir = await mkdtemp(join(tmpdir(), 'evalforge-clean-'));
    const clean = await runCli(runEvalArgs(mock.chatUrl, cleanDir));
    expect(clean.code).toBe(0);
    expect(mock.stats().requests).toBe(LIMIT);
    mock.resetStats();

    const dir = await mkdtemp(join(tmpdir(), 'evalforge-crash-'));
    const samplesPath = join(dir, 'samples.jsonl');
    const killed = await runCli(runEvalArgs(mock.chatUrl, dir), {}, (child) => {
      const watch = setInterval(() => {
        if (!existsSync(samplesPath)) return;
        void readFile(samplesPath, 'utf8').then((text) => {
          if (text.split('\n').length > 40 && child.exitCode === null) {
            clearInterval(watch);
            child.kill('SIGKILL');
          }
        });
      }, 5);
      child.once('close', () => clearInterval(watch));
    });
    expect(killed.signal).toBe('SIGKILL');
    const finished = await finishedIds(dir);
    expect(finished.length).toBeGreaterThanOrEqual(40);
    expect(finished.length).toBeLessThan(LIMIT);
    // Requests the killed run sent: the finished ones plus those in flight or not yet written at the kill.
    const sentBeforeKill = mock.stats().requests;
    expect(sentBeforeKill).toBeGreaterThanOrEqual(finished.length);
    expect(sentBeforeKill).toBeLessThan(LIMIT);
    mock.resetStats();

    const resumed = await runCli(runEvalArgs(mock.chatUrl, dir));
    expect(resumed.code).toBe(0);
    const results = await readResults(dir);
    const unfinished = LIMIT - finished.length;
    expect(results.evalforge.samples).toEqual({ total: LIMIT, resumed: finished.length, requested: unfinished, errors: 0 });
    // Every unfinished sample went through the pipeline once. The default chain's cache may answer
    // some: replies the killed run received and cached but had not yet written to samples.jsonl.
    // Everything else reached the mock exactly once.
    const { hits, misses } = results.evalforge.interceptors.caching;
    expect(hits + misses).toBe(unfinished);
    expect(hits).toBeLessThanOrEqual(sentBeforeKill - finished.length);
    expect(mock.stats().requests).toBe(misses);
    expect(mock.stats().requests).toBe(unfinished - hits);

    const all = await finishedIds(dir);
    expect(all).toHaveLength(LIMIT);
    expect(new Set(all).size).toBe(LIMIT);
    expect(results.results).toEqual((await readResults(cleanDir)).results);
  });
});
