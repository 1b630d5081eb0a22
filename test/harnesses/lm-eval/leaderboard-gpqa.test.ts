import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { TaskDoc } from '../../../src/core/task.js';
import { lmEvalHarness } from '../../../src/harnesses/lm-eval/framework.js';
import { leaderboardGpqa, leaderboardGpqaText } from '../../../src/harnesses/lm-eval/leaderboard-gpqa.js';
import { leaderboardGpqaDocs, preprocessLeaderboardGpqaText, type LeaderboardGpqaDoc } from '../../../src/harnesses/lm-eval/leaderboard-gpqa-data.js';
import { startFakeHub, type FakeHub } from '../../core/datasets/hub-server.js';
import { allRequests, runAgainstChat, runScripted } from './scripted-loglikelihood.js';
import { mockServers } from '../../helpers/mock-servers.js';

// Expected values come from throwaway python3 scripts (not kept) running lm-eval's own
// `tasks/leaderboard/gpqa/utils.py` (@4e7e0d47) over a stand-in for `Dataset.map`, after
// `random.seed(0)`, the three sets processed in the order the group builds its subtasks (HEAD:
// diamond, extended, main), `doc_to_text` rendered from `_template_yaml` with lm-eval's Jinja
// environment. GPQA text never appears here: real-data checks compare sha256 digests only.

const SUBTASKS = ['leaderboard_gpqa_diamond', 'leaderboard_gpqa_extended', 'leaderboard_gpqa_main'] as const;
const FIXTURE_HUB = join(import.meta.dirname, '../../fixtures/leaderboard-gpqa/hub');
/** `test/fixtures/leaderboard-gpqa/reference.json`: per lm-eval build order, each subtask's processed fixture docs. */
const REFERENCE = JSON.parse(await readFile(join(import.meta.dirname, '../../fixtures/leaderboard-gpqa/reference.json'), 'utf8')) as Record<
  'head' | 'v0.4.11',
  Record<(typeof SUBTASKS)[number], Array<{ choices: string[]; answer: string; text: string; gold: number }>>
>;
const TOKEN = 'hf_leaderboardGpqaFixture';

async function docsOf(data: DatasetReader): Promise<TaskDoc<LeaderboardGpqaDoc>[]> {
  const docs = [];
  for await (const item of leaderboardGpqaDocs(data)) docs.push(item);
  return docs;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

let hub: FakeHub;
let scratch: string;
/** A reader of the made-up `Idavidrein/gpqa` CSVs (diamond 4, extended 5, main 3 rows) from a fake hub. */
const fixtureReader = () => createDatasetReader({ dataDir: join(scratch, 'no-data'), cacheDir: join(scratch, 'cache'), hfEndpoint: hub.endpoint, hfToken: TOKEN, offline: false });

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-leaderboard-gpqa-'));
  const files = Object.fromEntries(['diamond', 'extended', 'main'].map((set) => [`gpqa_${set}.csv`, join(FIXTURE_HUB, `gpqa_${set}.csv`)]));
  hub = await startFakeHub({ token: TOKEN, repo: 'Idavidrein/gpqa', renamedRepo: 'Idavidrein/gpqa-renamed', revision: 'main', files });
});
afterAll(async () => {
  await hub.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('lm-eval leaderboard_gpqa docs', () => {
  it('declares NeMo gpqa: completions with logprobs, limit per subtask', () => {
    expect(leaderboardGpqa.name).toBe('gpqa');
    expect(leaderboardGpqa.endpointTypes).toEqual(['completions']);
    expect(leaderboardGpqa.requiredCapabilities).toEqual(['logprobs']);
    expect(leaderboardGpqa.limitPerSubtask).toBe(true);
    expect(leaderboardGpqa.defaults).toEqual({});
    expect(leaderboardGpqa.description).toMatch(/0\.4\.11/);
  });

  it('preprocesses as the leaderboard utils.py: strip, " [title]", one-line [...] removed (Python "." takes \\r), double spaces', () => {
    const cases: [string, string][] = [
      ['x [a\rb] y', 'x y'],
      ['x [a\nb] y', 'x [a\nb] y'],
      ['  Spaced  answer [title] here ', 'Spaced answer. here'],
      ['a    b', 'a  b'],
      ['\u3000x [title]\n', 'x. '],
      ['Two [a] and [b] gone', 'Two and gone'],
      ['[]only', 'only'],
      ['a [x]] b', 'a ] b'],
      ['keep [this', 'keep [this'],
      ['a\u2028[b\u2028c]d', 'a\u2028d'],
      ['a [title] [note] b', 'a.  b'],
    ];
    for (const [input, expected] of cases) expect(preprocessLeaderboardGpqaText(input), JSON.stringify(input)).toBe(expected);
  });

  it('shuffles one global stream across the subtasks in build order and renders doc_to_text byte for byte (fixture)', async () => {
    const docs = await docsOf(fixtureReader());
    expect(docs.map((d) => d.id)).toEqual([
      ...[0, 1, 2, 3].map((i) => `leaderboard_gpqa_diamond/${i}`),
      ...[0, 1, 2, 3, 4].map((i) => `leaderboard_gpqa_extended/${i}`),
      ...[0, 1, 2].map((i) => `leaderboard_gpqa_main/${i}`),
    ]);
    for (const subtask of SUBTASKS) {
      const mine = docs.filter((d) => d.subtask === subtask);
      expect(mine.every((d) => d.subsets?.length === 1 && d.subsets[0] === subtask)).toBe(true);
      expect(mine.map((d) => ({ choices: [...d.doc.choices], answer: d.doc.answer, text: leaderboardGpqaText(d.doc) })), subtask).toEqual(
        REFERENCE.head[subtask].map(({ choices, answer, text }) => ({ choices, answer, text })),
      );
    }
    // The stream continues: extended's letters differ from a fresh Random(0) over extended alone.
    expect(docs.filter((d) => d.subtask === 'leaderboard_gpqa_extended').map((d) => d.doc.answer[1]).join('')).toBe('CABAD');
    // lm-eval <= 0.4.11 builds the subtasks in reverse and shuffles other orders.
    expect(SUBTASKS.map((s) => REFERENCE['v0.4.11'][s].map((d) => d.answer[1]).join(''))).toEqual(['DBAD', 'CCACA', 'DCD']);
    expect(SUBTASKS.map((s) => REFERENCE.head[s].map((d) => d.answer[1]).join(''))).toEqual(['DCAC', 'CABAD', 'BBD']);
  });

  it('picks the first position of the correct answer when preprocessing makes a distractor equal it', async () => {
    const third = (await docsOf(fixtureReader()))[2]!.doc;
    expect(third.choices).toEqual(['5 m', '9 m', '7 m', '5 m']);
    expect(third.answer).toBe('(A)');
    expect(leaderboardGpqaText(third)).toBe('What is the correct answer to this question:Made-up diamond question 3: brackets.\nChoices:\n(A) 5 m\n(B) 9 m\n(C) 7 m\n(D) 5 m\nAnswer: ');
  });

  it("gives every real GPQA question lm-eval HEAD's choice order (sha256 digests only)", async () => {
    const docs = await docsOf(createDatasetReader({ offline: true }));
    const expected = {
      leaderboard_gpqa_diamond: [198, '858a8f7844f06cfbbe6db9e87c617a76741f0e3f90b4ff71b9c8eb5ba733cb4d', 'b2cf0839bbe689c92a6ba08cc56c16c9306b4d321e48b55da8a1ca39129c93ed'],
      leaderboard_gpqa_extended: [546, '1d2de95aa715f692543435ec4d02afcd053dcc04404a8689ba4e23f935188e57', 'e33db77fd59b3ce9c739ac714bcf644a5a664a705fdcb5f8cfec053cee60dac2'],
      leaderboard_gpqa_main: [448, 'a52693ee743f546241f40d2405e74c0cd982dd5e0732a2b45999f50bb4001f62', '3564962772263002b2d7eccc7adfec09c98c31379eb23ab201867d501cd3b988'],
    } as const;
    for (const subtask of SUBTASKS) {
      const mine = docs.filter((d) => d.subtask === subtask).map((d) => d.doc);
      const [count, letters, texts] = expected[subtask];
      expect(mine.length, subtask).toBe(count);
      expect(sha256(mine.map((d) => d.answer[1]).join('')), subtask).toBe(letters);
      expect(sha256(mine.map(leaderboardGpqaText).join('\0')), subtask).toBe(texts);
    }
    // The bracket removal makes all four answers identical in these rows (python3 on the real data), so gold is (A).
    const collapsed = docs.filter((d) => new Set(d.doc.choices).size === 1).map((d) => d.id);
    expect(collapsed).toEqual([
      'leaderboard_gpqa_diamond/171',
      'leaderboard_gpqa_extended/29',
      'leaderboard_gpqa_extended/152',
      'leaderboard_gpqa_extended/404',
      'leaderboard_gpqa_extended/476',
      'leaderboard_gpqa_main/111',
    ]);
    expect(docs.filter((d) => collapsed.includes(d.id)).every((d) => d.doc.answer === '(A)')).toBe(true);
  });
});

describe('lm-eval leaderboard_gpqa scoring', () => {
  const startServer = mockServers();
  let outputDir: string | undefined;
  afterEach(async () => {
    if (outputDir) await rm(outputDir, { recursive: true, force: true });
    outputDir = undefined;
  });

  it('asks " (A)" … " (D)" after the context that ends in "Answer: "', async () => {
    const requests = await allRequests(leaderboardGpqa, fixtureReader());
    expect(requests).toHaveLength(12);
    const text = REFERENCE.head.leaderboard_gpqa_diamond[1]!.text;
    expect(requests[1]).toEqual(['(A)', '(B)', '(C)', '(D)'].map((label) => ({ context: text, continuation: ` ${label}` })));
  });

  it('scores acc_norm per subtask and the size-weighted group end to end', async () => {
    // Fixture golds (head): diamond D C A C, extended C A B A D, main B B D.
    // Diamond: all right (4/4); extended: right on 0, 2 (2/5); main: right on 0 (1/3).
    const golds = SUBTASKS.flatMap((s) => REFERENCE.head[s].map((d) => d.gold));
    const right = [true, true, true, true, true, false, true, false, false, true, false, false];
    const lls = golds.map((gold, i) => [0, 1, 2, 3].map((k) => ((k === gold) === right[i] ? -1 : -5)));
    const result = await runScripted(leaderboardGpqa, fixtureReader, lls);
    const value = (name: string) => result.tasks?.[name]?.metrics.acc_norm?.scores.acc_norm?.value;
    expect(value('leaderboard_gpqa_diamond')).toBe(1);
    expect(value('leaderboard_gpqa_extended')).toBeCloseTo(0.4, 12);
    expect(value('leaderboard_gpqa_main')).toBeCloseTo(1 / 3, 12);
    const group = result.groups?.leaderboard_gpqa?.metrics.acc_norm?.scores.acc_norm;
    expect(group?.value).toBeCloseTo(7 / 12, 12);
    expect(group?.stats.count).toBe(12);
    // pooled stderr: √(Σ (n−1)·se²·n / (Σn − 3) / Σn), se² = p(1−p)/(n−1).
    const pooled = Math.sqrt((0 * 4 + 0.4 * 0.6 * 5 + (1 / 3) * (2 / 3) * 3) / (12 - 3) / 12);
    expect(group?.stats.stderr).toBeCloseTo(pooled, 12);
    expect(Object.keys(result.tasks?.leaderboard_gpqa_diamond?.metrics ?? {})).toEqual(['acc_norm']);
  });

  it('takes the first N docs of each subtask for limit_samples N, and sends the prompt with the space before "(A)"', async () => {
    const server = await startServer({ logprobs: () => -1, recordRequests: true });
    outputDir = await mkdtemp(join(tmpdir(), 'evalforge-leaderboard-gpqa-'));
    await evaluate(
      { type: 'gpqa', outputDir, params: { parallelism: 2, limitSamples: 2 } },
      { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions' } },
      { registry: new TaskRegistry([{ ...lmEvalHarness, tasks: [leaderboardGpqa] }]), data: fixtureReader() },
    );
    const samples = (await readFile(join(outputDir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(samples.map((s) => s.id).sort()).toEqual(SUBTASKS.flatMap((s) => [`${s}/0`, `${s}/1`]).sort());
    const prompts = (server.requests() as Array<{ prompt: string[] }>).flatMap((r) => r.prompt);
    expect(prompts).toContain(`${REFERENCE.head.leaderboard_gpqa_main[1]!.text} (C)`);
    expect(prompts.every((p) => /\nAnswer:  \([ABCD]\)$/.test(p))).toBe(true);
  });

  it('refuses a chat endpoint, naming the supported type', async () => {
    await expect(runAgainstChat(leaderboardGpqa)).rejects.toThrow(/does not support endpoint type "chat"[\s\S]*completions endpoint that returns prompt log-probabilities/);
  });
});
