import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { hellaswag } from '../../../src/harnesses/lm-eval/hellaswag.js';
import { hellaswagDocFromRow } from '../../../src/harnesses/lm-eval/hellaswag-data.js';
import { fixtureRows, serveHubParquet, type HubFixture } from './hub-parquet-fixture.js';
import { allRequests, runAgainstChat, runScripted } from './scripted-loglikelihood.js';

/** `Rowan/hellaswag`'s parquet columns. */
const COLUMNS = {
  ind: 'INT32',
  activity_label: 'STRING',
  ctx_a: 'STRING',
  ctx_b: 'STRING',
  ctx: 'STRING',
  endings: 'LIST',
  source_id: 'STRING',
  split: 'STRING',
  split_type: 'STRING',
  label: 'STRING',
} as const;
const VALIDATION = 'data/validation-00000-of-00001.parquet';
const TRAIN = 'data/train-00000-of-00001.parquet';

/**
 * `test/fixtures/hellaswag/{validation,train}.json`: hand-made rows in the hub's shape. Validation
 * covers WikiHow markers, an empty ctx_b, Unicode capitalisation (ǆ, É, final sigma, ß) and
 * whitespace, `[…]` across `\r` and `\n`; train row 1 equals validation row 0 field for field (so
 * the n + 1 draw must drop it for doc 0) and row 5's gold ending preprocesses to "".
 * `reference.json` holds, per shot count, each doc's shots (train indices), gold and requests as
 * computed by a throwaway python3 script (not kept) running lm-eval's own code from the mirror
 * (@4e7e0d47): `tasks/hellaswag/utils.py` `process_docs`, `api/samplers.py` `ContextSampler`
 * seeded 1234, lm-eval's Jinja environment for `{{query}}`/`{{label}}`, `api/utils.py` `Message`
 * and a transcription of `fewshot_context`/`build_qa_turn`.
 */
const VALIDATION_ROWS = fixtureRows('hellaswag', 'validation.json');
const TRAIN_ROWS = fixtureRows('hellaswag', 'train.json');
const REFERENCE = fixtureRows('hellaswag', 'reference.json') as unknown as Record<string, Array<{ shots: number[]; gold: number; requests: unknown[] }>>;

let hub: HubFixture;
beforeAll(async () => {
  hub = await serveHubParquet('Rowan/hellaswag', COLUMNS, { [VALIDATION]: VALIDATION_ROWS, [TRAIN]: TRAIN_ROWS });
});
afterAll(() => hub.close());

describe('lm-eval hellaswag', () => {
  it('declares the lm-eval task as NeMo runs it: completions only, 10-shot', () => {
    expect(hellaswag.name).toBe('hellaswag');
    expect(hellaswag.endpointTypes).toEqual(['completions']);
    expect(hellaswag.requiredCapabilities).toEqual(['logprobs']);
    expect(hellaswag.defaults).toEqual({ extra: { num_fewshot: 10 } });
    expect(hellaswag.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/hellaswag/hellaswag.yaml');
  });

  it('asks " " + each preprocessed ending after the preprocessed query (0-shot)', async () => {
    const requests = await allRequests(hellaswag, hub.reader());
    const roof = 'Roof shingle removal: A man is sitting on a roof. He';
    expect(requests[0]).toEqual([
      { context: roof, continuation: ' is using wrap to wrap a pair of skis.' },
      { context: roof, continuation: ' is ripping level tiles off.' },
      { context: roof, continuation: " is holding a rubik's cube." },
      { context: roof, continuation: ' starts pulling up roofing on a roof.' },
    ]);
    const grill = 'Home and Garden: How to clean a grill. Heat the grill. Turn the burners on high.';
    expect(requests[1]!.map((r) => r.context)).toEqual([grill, grill, grill, grill]);
    expect(requests[1]!.map((r) => r.continuation)).toEqual(['  Wait ten minutes. Scrub the grates.', ' Pour  water on the flames.', ' Leave it [unclosed bracket', ' Unplug it [a\nb] later.']);
    const ski = 'Skiing\u3000: ΟΔΟΣ is steep. ǅungla élan οδος';
    expect(requests[2]).toEqual([
      { context: ski, continuation: ' glides down the slope.' },
      { context: ski, continuation: ' falls over  twice.' },
      { context: ski, continuation: ' waves at İSTANBUL fans.' },
      { context: ski, continuation: ' stops.' },
    ]);
    expect(requests[4]![0]!.context).toBe('Walking the dog: A man walks a dog down the street. Sshe dog');
  });

  it('renders shots as query + " " + gold ending + "\\n\\n", delimiters kept for an empty ending', async () => {
    const requests = await allRequests(hellaswag, hub.reader(), { extra: { num_fewshot: 2 } });
    // Doc 3 draws train rows 5 and 3 (see the pinned draws below).
    expect(requests[3]![0]!.context).toBe(
      'Train activity 5: Train context 5 starts here. She \n\n' +
        'Train activity 3: Train context 3 starts here.. next ending 3d\n\n' +
        'Baking cookies: A woman mixes dough in a bowl. The woman then',
    );
  });

  it("draws each doc's shots from train as lm-eval does: n + 1 from one Random(1234), the eval doc dropped", async () => {
    // python3: r = random.Random(1234); [r.sample(range(12), 3) for _ in range(5)]
    //   == [[7, 1, 0], [1, 9, 0], [10, 1, 11], [5, 3, 0], [0, 11, 5]]; train row 1 is validation row 0.
    expect(REFERENCE['2']!.map((doc) => doc.shots)).toEqual([[7, 0], [1, 9], [10, 1], [5, 3], [0, 11]]);
    const requests = await allRequests(hellaswag, hub.reader(), { extra: { num_fewshot: 2 } });
    expect(requests[0]![0]!.context).toBe(
      'Train activity 7: Train context 7 starts here.. next ending 7d\n\n' +
        'Train activity 0: Train context 0 starts here. Then ending 0a\n\n' +
        'Roof shingle removal: A man is sitting on a roof. He',
    );
    // Doc 1 keeps train row 1 (equal to doc 0, not to doc 1).
    expect(requests[1]![0]!.context.startsWith('Roof shingle removal: A man is sitting on a roof. He starts pulling up roofing on a roof.\n\n')).toBe(true);
  });

  it("matches lm-eval's own requests for every fixture doc at 0, 2 and 10 shots", async () => {
    for (const shots of ['0', '2', '10']) {
      const requests = await allRequests(hellaswag, hub.reader(), { extra: { num_fewshot: Number(shots) } });
      expect(requests).toEqual(REFERENCE[shots]!.map((doc) => doc.requests));
    }
    const golds: string[] = [];
    for await (const { doc } of hellaswag.docs(hub.reader())) golds.push(hellaswag.target(doc));
    expect(golds).toEqual(REFERENCE['0']!.map((doc) => String(doc.gold)));
  });

  it('scores acc and acc_norm end to end (10-shot) to the hand-computed values', async () => {
    // Ending lengths (code points): [37,27,26,36] [36,26,26,22] [22,18,23,6] [21,53,8,6] [15,7,39,5]; golds 3,0,1,2,0.
    // acc:      argmax [3,1,0,2,0]          → 1,0,0,1,1 = 0.6
    // acc_norm: argmax ll/len [3,0,0,1,2]   → 1,1,0,0,0 = 0.4; both stderr √(0.3/5)
    const lls = [
      [-10, -10, -10, -5],
      [-8, -6, -30, -30],
      [-1, -9, -9, -9],
      [-9, -12, -3, -9],
      [-3, -5, -6, -9],
    ];
    const result = await runScripted(hellaswag, () => hub.reader(), lls);
    const metrics = result.tasks?.hellaswag?.metrics;
    expect(metrics?.acc?.scores.acc?.value).toBeCloseTo(0.6, 12);
    expect(metrics?.acc_norm?.scores.acc_norm?.value).toBeCloseTo(0.4, 12);
    expect(metrics?.acc?.scores.acc?.stats.stderr).toBeCloseTo(Math.sqrt(0.3 / 5), 12);
    expect(metrics?.acc_norm?.scores.acc_norm?.stats.stderr).toBeCloseTo(Math.sqrt(0.3 / 5), 12);
  });

  it('refuses a chat endpoint, naming the supported type', async () => {
    await expect(runAgainstChat(hellaswag)).rejects.toThrow(/does not support endpoint type "chat"[\s\S]*completions endpoint that returns prompt log-probabilities/);
  });

  it('names the field of a malformed row', () => {
    const row = (fields: Record<string, unknown>): DatasetRow => ({ row: { ...VALIDATION_ROWS[0], ...fields }, rowNumber: 7, location: 'hellaswag.parquet' });
    expect(() => hellaswagDocFromRow(row({ label: 'three' }))).toThrow(DatasetError);
    expect(() => hellaswagDocFromRow(row({ label: 'three' }))).toThrow(/hellaswag\.parquet, row 7: field "label" is "three", not a choice index/);
    expect(() => hellaswagDocFromRow(row({ label: '' }))).toThrow(/field "label"/);
    expect(() => hellaswagDocFromRow(row({ endings: 'one ending' }))).toThrow(/field "endings" is missing or not a list of strings/);
    expect(() => hellaswagDocFromRow(row({ ctx_b: null }))).toThrow(/field "ctx_b"/);
  });

  it('stops on a malformed hub row, and on a train label that names no ending once shots are asked for', async () => {
    const bad = await serveHubParquet('Rowan/hellaswag', COLUMNS, {
      [VALIDATION]: [VALIDATION_ROWS[0]!, { ...VALIDATION_ROWS[1]!, label: 'x' }],
      [TRAIN]: [...TRAIN_ROWS, { ...TRAIN_ROWS[0]!, label: '4' }],
    });
    try {
      await expect(allRequests(hellaswag, bad.reader())).rejects.toThrow(/row 2: field "label" is "x"/);
      await expect(hellaswag.createPrompter({ params: { extra: { num_fewshot: 1 } }, endpointType: 'completions', data: bad.reader() })).rejects.toThrow(
        /row 13: field "label" is "4", not an index of one of its 4 choices/,
      );
    } finally {
      await bad.close();
    }
  });
});
