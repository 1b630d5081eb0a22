import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { winogrande } from '../../../src/harnesses/lm-eval/winogrande.js';
import { winograndeDocFromRow } from '../../../src/harnesses/lm-eval/winogrande-data.js';
import { fixtureRows, serveHubParquet, type HubFixture } from './hub-parquet-fixture.js';
import { allRequests, runAgainstChat, runScripted } from './scripted-loglikelihood.js';

/** `allenai/winogrande` winogrande_xl's parquet columns. */
const COLUMNS = { sentence: 'STRING', option1: 'STRING', option2: 'STRING', answer: 'STRING' } as const;
const VALIDATION = 'winogrande_xl/validation-00000-of-00001.parquet';
const TRAIN = 'winogrande_xl/train-00000-of-00001.parquet';

/**
 * `test/fixtures/winogrande/`: hand-made rows in the hub's shape (see its README.md), and
 * `reference.json` with each doc's shots, gold and requests at 0, 2 and 5 shots from lm-eval's own
 * code (`preprocess_winogrande.py`, the sampler seeded 1234, `fewshot_context`'s multiple-input path).
 */
const VALIDATION_ROWS = fixtureRows('winogrande', 'validation.json');
const TRAIN_ROWS = fixtureRows('winogrande', 'train.json');
const REFERENCE = fixtureRows('winogrande', 'reference.json') as unknown as Record<string, Array<{ shots: number[]; gold: number; requests: unknown[] }>>;

let hub: HubFixture;
beforeAll(async () => {
  hub = await serveHubParquet('allenai/winogrande', COLUMNS, { [VALIDATION]: VALIDATION_ROWS, [TRAIN]: TRAIN_ROWS });
});
afterAll(() => hub.close());

describe('lm-eval winogrande', () => {
  it('declares the lm-eval task as NeMo runs it: completions only, 5-shot', () => {
    expect(winogrande.name).toBe('winogrande');
    expect(winogrande.endpointTypes).toEqual(['completions']);
    expect(winogrande.requiredCapabilities).toEqual(['logprobs']);
    expect(winogrande.defaults).toEqual({ extra: { num_fewshot: 5 } });
    expect(winogrande.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/winogrande/default.yaml');
  });

  it('asks one shared continuation (text after the blank, stripped) after each option-filled context (0-shot)', async () => {
    const requests = await allRequests(winogrande, hub.reader());
    expect(requests[0]).toEqual([
      { context: "The trophy doesn't fit into the brown suitcase because trophy", continuation: ' is too large.' },
      { context: "The trophy doesn't fit into the brown suitcase because suitcase", continuation: ' is too large.' },
    ]);
    expect(requests[1]!.map((r) => r.continuation)).toEqual([' always got the harder cases.', ' always got the harder cases.']);
    // The first "_" is the blank; the continuation keeps the second.
    expect(requests[2]).toEqual([
      { context: 'John gave Bill', continuation: ' the book and _ thanked him.' },
      { context: 'John gave Tom', continuation: ' the book and _ thanked him.' },
    ]);
    // A blank at the end leaves the continuation " "; Python whitespace (U+3000) is stripped.
    expect(requests[3]!.map((r) => r.continuation)).toEqual([' ', ' ']);
    expect(requests[4]).toEqual([
      { context: 'Ébène told Zoë that Ébène', continuation: ' was late.' },
      { context: 'Ébène told Zoë that Zoë', continuation: ' was late.' },
    ]);
  });

  it('renders a shot as gold context + " " + continuation + "\\n\\n", nothing after it when the continuation is empty', async () => {
    const requests = await allRequests(winogrande, hub.reader(), { extra: { num_fewshot: 2 } });
    // Doc 0 draws train rows 7 and 6 (see below); row 6's blank ends its sentence.
    expect(requests[0]!.map((r) => r.context)).toEqual([
      "Train sentence 7: Team7A won the game against the others.\n\nEveryone agreed the best player was LeeThe trophy doesn't fit into the brown suitcase because trophy",
      "Train sentence 7: Team7A won the game against the others.\n\nEveryone agreed the best player was LeeThe trophy doesn't fit into the brown suitcase because suitcase",
    ]);
  });

  it("draws each doc's shots as lm-eval does: n + 1 from one Random(1234), the eval doc dropped (the reference's draws; the agreement test checks ours)", () => {
    // python3: r = random.Random(1234); [r.sample(range(8), 3) for _ in range(6)]
    //   == [[7, 0, 6], [1, 6, 4], [0, 5, 6], [1, 0, 2], [3, 0, 6], [0, 2, 5]]; train row 0 is validation row 0.
    expect(REFERENCE['2']!.map((doc) => doc.shots)).toEqual([[7, 6], [1, 6], [0, 5], [1, 0], [3, 0], [0, 2]]);
  });

  it("matches lm-eval's own requests for every fixture doc at 0, 2 and 5 shots", async () => {
    for (const shots of ['0', '2', '5']) {
      const requests = await allRequests(winogrande, hub.reader(), { extra: { num_fewshot: Number(shots) } });
      expect(requests).toEqual(REFERENCE[shots]!.map((doc) => doc.requests));
    }
    const golds: string[] = [];
    for await (const { doc } of winogrande.docs(hub.reader())) golds.push(winogrande.target(doc));
    expect(golds).toEqual(REFERENCE['0']!.map((doc) => String(doc.gold)));
  });

  it('scores acc end to end (5-shot) to the hand-computed value', async () => {
    // Golds 0,1,1,0,1,0. argmax (first on ties): 0,0,1,0,0,1 → acc 1,0,1,1,0,0 = 0.5, stderr √(0.3/6).
    const result = await runScripted(winogrande, () => hub.reader(), [
      [-1, -2],
      [-1, -2],
      [-3, -1],
      [-2, -2],
      [-1, -1],
      [-5, -1],
    ]);
    const acc = result.tasks?.winogrande?.metrics.acc?.scores.acc;
    expect(acc?.value).toBe(0.5);
    expect(acc?.stats.stderr).toBeCloseTo(Math.sqrt(0.3 / 6), 12);
    expect(Object.keys(result.tasks?.winogrande?.metrics ?? {})).toEqual(['acc']);
  });

  it('refuses a chat endpoint, naming the supported type', async () => {
    await expect(runAgainstChat(winogrande)).rejects.toThrow(/does not support endpoint type "chat"[\s\S]*completions endpoint that returns prompt log-probabilities/);
  });

  it('names the field of a malformed row', async () => {
    const row = (fields: Record<string, unknown>): DatasetRow => ({ row: { ...VALIDATION_ROWS[0], ...fields }, rowNumber: 3, location: 'winogrande.parquet' });
    expect(() => winograndeDocFromRow(row({ answer: '' }))).toThrow(DatasetError);
    expect(() => winograndeDocFromRow(row({ answer: '' }))).toThrow(/winogrande\.parquet, row 3: field "answer" is "", not "1" or "2"/);
    expect(() => winograndeDocFromRow(row({ sentence: 'No blank here.' }))).toThrow(/field "sentence" has no "_" blank/);
    expect(() => winograndeDocFromRow(row({ option2: 2 }))).toThrow(/field "option2" is missing or not a string/);
    const bad = await serveHubParquet('allenai/winogrande', COLUMNS, { [VALIDATION]: [VALIDATION_ROWS[0]!, { ...VALIDATION_ROWS[1]!, answer: '3' }], [TRAIN]: TRAIN_ROWS });
    try {
      await expect(allRequests(winogrande, bad.reader())).rejects.toThrow(/row 2: field "answer" is "3"/);
    } finally {
      await bad.close();
    }
  });
});
