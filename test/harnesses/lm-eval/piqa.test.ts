import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { piqa } from '../../../src/harnesses/lm-eval/piqa.js';
import { piqaDocFromRow } from '../../../src/harnesses/lm-eval/piqa-data.js';
import { fixtureRows, serveHubParquet, type HubFixture } from './hub-parquet-fixture.js';
import { allRequests, runAgainstChat, runScripted } from './scripted-loglikelihood.js';

/** `baber/piqa`'s parquet columns. */
const COLUMNS = { goal: 'STRING', sol1: 'STRING', sol2: 'STRING', label: 'INT64' } as const;
const VALIDATION = 'piqa_validation.parquet';
const TRAIN = 'piqa_train.parquet';

/** `test/fixtures/piqa/`: hand-made rows in the hub's shape and lm-eval's own requests (README.md). */
const VALIDATION_ROWS = fixtureRows('piqa', 'validation.json');
const TRAIN_ROWS = fixtureRows('piqa', 'train.json');
const REFERENCE = fixtureRows('piqa', 'reference.json') as unknown as Record<string, Array<{ shots: number[]; gold: number; requests: unknown[] }>>;

let hub: HubFixture;
beforeAll(async () => {
  hub = await serveHubParquet('baber/piqa', COLUMNS, { [VALIDATION]: VALIDATION_ROWS, [TRAIN]: TRAIN_ROWS });
});
afterAll(() => hub.close());

describe('lm-eval piqa', () => {
  it('declares the lm-eval task: completions only, 0-shot', () => {
    expect(piqa.name).toBe('piqa');
    expect(piqa.endpointTypes).toEqual(['completions']);
    expect(piqa.requiredCapabilities).toEqual(['logprobs']);
    expect(piqa.defaults).toEqual({});
    expect(piqa.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/piqa/piqa.yaml');
  });

  it('asks " " + sol1 and " " + sol2 after "Question: <goal>\\nAnswer:"', async () => {
    const requests = await allRequests(piqa, hub.reader());
    expect(requests[1]).toEqual([
      { context: 'Question: dresser\nAnswer:', continuation: ' replace drawer with bobby pin ' },
      { context: 'Question: dresser\nAnswer:', continuation: ' finish, woodgrain with  bobby pin ' },
    ]);
    // Quotes, backslashes and a leading space survive as they are (lm-eval's `{{[sol1, sol2]}}` round trip is exact).
    expect(requests[2]).toEqual([
      { context: 'Question: To quote "safely"\nin a shell\nAnswer:', continuation: " Use 'single' quotes and a \\ backslash." },
      { context: 'Question: To quote "safely"\nin a shell\nAnswer:', continuation: '  Use nothing.' },
    ]);
  });

  it('renders shots as "Question: …\\nAnswer: <gold solution>\\n\\n", the delimiters kept for an empty solution', async () => {
    const requests = await allRequests(piqa, hub.reader(), { extra: { num_fewshot: 2 } });
    // python3: r = random.Random(1234); [r.sample(range(8), 3) for _ in range(5)]
    //   == [[7, 0, 6], [1, 6, 4], [0, 5, 6], [1, 0, 2], [3, 0, 6]]; train row 0 is validation row 0,
    //   so doc 0 gets rows 7 and 6 and doc 1 rows 1 and 6.
    expect(REFERENCE['2']!.map((doc) => doc.shots)).toEqual([[7, 6], [1, 6], [0, 5], [1, 0], [3, 0]]);
    expect(requests[1]![0]!.context).toBe('Question: Train goal 1\nAnswer: solution 1 two\n\nQuestion: Train goal with an empty gold\nAnswer: \n\nQuestion: dresser\nAnswer:');
  });

  it("matches lm-eval's own requests for every fixture doc at 0 and 2 shots", async () => {
    for (const shots of ['0', '2']) {
      const requests = await allRequests(piqa, hub.reader(), { extra: { num_fewshot: Number(shots) } });
      expect(requests).toEqual(REFERENCE[shots]!.map((doc) => doc.requests));
    }
  });

  it('scores acc and acc_norm end to end to the hand-computed values', async () => {
    // Golds 0,1,0,0,1; solution lengths [164,166] [30,34] [38,13] [29,31] [19,41].
    // acc: argmax 0,0,1,0,0 → 1,0,0,1,0 = 0.4; acc_norm: argmax ll/len 0,1,0,0,0 → 1,1,1,1,0 = 0.8.
    const result = await runScripted(piqa, () => hub.reader(), [
      [-1, -2],
      [-3, -3.2],
      [-2, -1],
      [-1, -5],
      [-1, -5],
    ]);
    const metrics = result.tasks?.piqa?.metrics;
    expect(metrics?.acc?.scores.acc?.value).toBeCloseTo(0.4, 12);
    expect(metrics?.acc_norm?.scores.acc_norm?.value).toBeCloseTo(0.8, 12);
    expect(metrics?.acc_norm?.scores.acc_norm?.stats.stderr).toBeCloseTo(0.2, 12);
  });

  it('refuses a chat endpoint, naming the supported type', async () => {
    await expect(runAgainstChat(piqa)).rejects.toThrow(/does not support endpoint type "chat"[\s\S]*completions endpoint that returns prompt log-probabilities/);
  });

  it('names the field of a malformed row', async () => {
    const row = (fields: Record<string, unknown>): DatasetRow => ({ row: { ...VALIDATION_ROWS[0], ...fields }, rowNumber: 4, location: 'piqa.parquet' });
    expect(() => piqaDocFromRow(row({ label: '1' }))).toThrow(DatasetError);
    expect(() => piqaDocFromRow(row({ label: '1' }))).toThrow(/piqa\.parquet, row 4: field "label" is "1", not a whole number/);
    expect(() => piqaDocFromRow(row({ sol1: undefined }))).toThrow(/field "sol1" is missing or not a string/);
    const bad = await serveHubParquet('baber/piqa', COLUMNS, { [VALIDATION]: VALIDATION_ROWS, [TRAIN]: [...TRAIN_ROWS, { ...TRAIN_ROWS[1]!, label: 2 }] });
    try {
      await expect(allRequests(piqa, bad.reader(), { extra: { num_fewshot: 1 } })).rejects.toThrow(/row 9: field "label" is 2, not an index of one of its 2 choices/);
    } finally {
      await bad.close();
    }
  });
});
