import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError, DatasetError } from '../../../src/core/errors.js';
import { hellaswagLlamacpp } from '../../../src/harnesses/lm-eval/hellaswag-llamacpp.js';
import { allRequests, runAgainstChat, runScripted } from './scripted-loglikelihood.js';

const shared = () => createDatasetReader({ offline: true });

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-hellaswag-llamacpp-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A reader whose data dir holds `test/fixtures/hellaswag/<name>` as the llama.cpp file. */
async function readerWith(name: string) {
  const dataDir = join(scratch, name);
  await mkdir(join(dataDir, 'hellaswag/derived'), { recursive: true });
  await copyFile(fileURLToPath(new URL(`../../fixtures/hellaswag/${name}`, import.meta.url)), join(dataDir, 'hellaswag/derived/hellaswag_val_full.txt.bz2'));
  return () => createDatasetReader({ dataDir, cacheDir: join(scratch, 'cache'), offline: true });
}

describe('hellaswag_llamacpp (offline llama.cpp text file)', () => {
  it('reads the 10,042 items of the shared file, 6 lines each, with its gold counts', async () => {
    const counts = [0, 0, 0, 0];
    let items = 0;
    for await (const { id, doc } of hellaswagLlamacpp.docs(shared())) {
      expect(id).toBe(String(items++));
      expect(doc.endings).toHaveLength(4);
      counts[doc.gold]!++;
    }
    // SOURCE.md: "Label counts: 0:2515, 1:2485, 2:2584, 3:2458".
    expect(items).toBe(10042);
    expect(counts).toEqual([2515, 2485, 2584, 2458]);
  });

  it('asks " " + each ending after the stored context line, 0-shot', async () => {
    const data = shared();
    const prompter = await hellaswagLlamacpp.createPrompter({ params: {}, endpointType: 'completions', data });
    for await (const { doc } of hellaswagLlamacpp.docs(data)) {
      const context = 'Roof shingle removal: A man is sitting on a roof. he';
      expect(prompter(doc, 0)).toEqual({
        kind: 'loglikelihood',
        requests: [
          { context, continuation: ' is using wrap to wrap a pair of skis.' },
          { context, continuation: ' is ripping level tiles off.' },
          { context, continuation: " is holding a rubik's cube." },
          { context, continuation: ' starts pulling up roofing on a roof.' },
        ],
      });
      expect(hellaswagLlamacpp.target(doc)).toBe('3');
      break;
    }
  });

  it('refuses shots, as the file has no train split', async () => {
    const run = hellaswagLlamacpp.createPrompter({ params: { extra: { num_fewshot: 10 } }, endpointType: 'completions', data: shared() });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/0-shot only/);
    await expect(hellaswagLlamacpp.createPrompter({ params: { extra: { num_fewshot: 0 } }, endpointType: 'completions', data: shared() })).resolves.toBeTypeOf('function');
  });

  it('scores acc and acc_norm end to end to the hand-computed values', async () => {
    // Items of llamacpp-two-streams: golds 3, 3; ending lengths [37,27,26,36], [29,26,36,42].
    // Item 0: argmax ll = 1 (acc 0), argmax ll/len = 3 (-9/36 = -0.25 beats -10/37) (acc_norm 1).
    // Item 1: argmax 3 both ways. acc = 0.5, acc_norm = 1.
    const result = await runScripted(hellaswagLlamacpp, await readerWith('llamacpp-two-streams.txt.bz2'), [
      [-10, -8, -20, -9],
      [-9, -9, -9, -4],
    ]);
    expect(result.tasks?.hellaswag_llamacpp?.metrics.acc?.scores.acc?.value).toBe(0.5);
    expect(result.tasks?.hellaswag_llamacpp?.metrics.acc_norm?.scores.acc_norm?.value).toBe(1);
  });

  it('names the line of a malformed item and refuses a file cut mid-item', async () => {
    const badGold = allRequests(hellaswagLlamacpp, (await readerWith('llamacpp-bad-gold.txt.bz2'))());
    await expect(badGold).rejects.toThrow(DatasetError);
    await expect(badGold).rejects.toThrow(/line 8: expected the gold ending's index \(0-3\) on the second line of an item, got "three"/);
    await expect(allRequests(hellaswagLlamacpp, (await readerWith('llamacpp-incomplete.txt.bz2'))())).rejects.toThrow(/ends with an incomplete item \(3 of 6 lines after line 6\)/);
  });

  it('refuses a chat endpoint, naming the supported type', async () => {
    await expect(runAgainstChat(hellaswagLlamacpp)).rejects.toThrow(/does not support endpoint type "chat"[\s\S]*completions endpoint that returns prompt log-probabilities/);
  });
});
