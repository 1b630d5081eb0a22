import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { boolq } from '../../../src/harnesses/lm-eval/boolq.js';
import { boolqDocFromRow } from '../../../src/harnesses/lm-eval/boolq-data.js';
import { fixtureRows, serveHubParquet, type HubFixture } from './hub-parquet-fixture.js';
import { allRequests, runAgainstChat, runScripted } from './scripted-loglikelihood.js';

/** `aps/super_glue` boolq's parquet columns. */
const COLUMNS = { question: 'STRING', passage: 'STRING', idx: 'INT32', label: 'INT64' } as const;
const VALIDATION = 'boolq/validation-00000-of-00001.parquet';
const TRAIN = 'boolq/train-00000-of-00001.parquet';

/** `test/fixtures/boolq/`: hand-made rows in the hub's shape and lm-eval's own requests (README.md). */
const VALIDATION_ROWS = fixtureRows('boolq', 'validation.json');
const TRAIN_ROWS = fixtureRows('boolq', 'train.json');
const REFERENCE = fixtureRows('boolq', 'reference.json') as unknown as Record<string, Array<{ shots: number[]; gold: number; requests: unknown[] }>>;

let hub: HubFixture;
beforeAll(async () => {
  hub = await serveHubParquet('aps/super_glue', COLUMNS, { [VALIDATION]: VALIDATION_ROWS, [TRAIN]: TRAIN_ROWS });
});
afterAll(() => hub.close());

describe('lm-eval boolq', () => {
  it('declares the lm-eval task: completions only, 0-shot', () => {
    expect(boolq.name).toBe('boolq');
    expect(boolq.endpointTypes).toEqual(['completions']);
    expect(boolq.requiredCapabilities).toEqual(['logprobs']);
    expect(boolq.defaults).toEqual({});
    expect(boolq.version).toBe('2.0');
    expect(boolq.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/super_glue/boolq/default.yaml');
  });

  it('asks " no" and " yes" after "<passage>\\nQuestion: <question>?\\nAnswer:"', async () => {
    const requests = await allRequests(boolq, hub.reader());
    const context = 'The Sun is the star at the center of the Solar System.\nIt is a nearly perfect sphere of hot plasma.\nQuestion: is the sun a star??\nAnswer:';
    expect(requests[1]).toEqual([
      { context, continuation: ' no' },
      { context, continuation: ' yes' },
    ]);
  });

  it('renders shots as "<passage>\\nQuestion: …?\\nAnswer: <no|yes>\\n\\n"', async () => {
    const requests = await allRequests(boolq, hub.reader(), { extra: { num_fewshot: 2 } });
    // python3: r = random.Random(1234); [r.sample(range(8), 3) for _ in range(5)]
    //   == [[7, 0, 6], [1, 6, 4], [0, 5, 6], [1, 0, 2], [3, 0, 6]]; train row 0 is validation row 0.
    expect(REFERENCE['2']!.map((doc) => doc.shots)).toEqual([[7, 6], [1, 6], [0, 5], [1, 0], [3, 0]]);
    expect(requests[0]![0]!.context).toBe(
      'Train passage 7.\nQuestion: train question 7?\nAnswer: yes\n\n' +
        'Train passage 6.\nQuestion: train question 6?\nAnswer: no\n\n' +
        'Persian language -- Persian (/ˈpɜːrʒən, -ʃən/), also known by its endonym Farsi, is one of the Western Iranian languages.\nQuestion: do iran and afghanistan speak the same language?\nAnswer:',
    );
  });

  it("matches lm-eval's own requests for every fixture doc at 0 and 2 shots", async () => {
    for (const shots of ['0', '2']) {
      const requests = await allRequests(boolq, hub.reader(), { extra: { num_fewshot: Number(shots) } });
      expect(requests).toEqual(REFERENCE[shots]!.map((doc) => doc.requests));
    }
  });

  it('scores acc end to end to the hand-computed value', async () => {
    // Golds 1,1,0,1,0; argmax (first on ties) 1,0,0,0,1 → acc 1,0,1,0,0 = 0.4.
    const result = await runScripted(boolq, () => hub.reader(), [
      [-2, -1],
      [-1, -2],
      [-1, -2],
      [-1, -1],
      [-3, -1],
    ]);
    const metrics = result.tasks?.boolq?.metrics;
    expect(metrics?.acc?.scores.acc?.value).toBeCloseTo(0.4, 12);
    expect(Object.keys(metrics ?? {})).toEqual(['acc']);
  });

  it('refuses a chat endpoint, naming the supported type', async () => {
    await expect(runAgainstChat(boolq)).rejects.toThrow(/does not support endpoint type "chat"[\s\S]*completions endpoint that returns prompt log-probabilities/);
  });

  it('names the field of a malformed row', () => {
    const row = (fields: Record<string, unknown>): DatasetRow => ({ row: { ...VALIDATION_ROWS[0], ...fields }, rowNumber: 5, location: 'boolq.parquet' });
    expect(() => boolqDocFromRow(row({ label: 'True' }))).toThrow(DatasetError);
    expect(() => boolqDocFromRow(row({ label: 'True' }))).toThrow(/boolq\.parquet, row 5: field "label" is "True", not a whole number/);
    expect(() => boolqDocFromRow(row({ passage: undefined }))).toThrow(/field "passage" is missing or not a string/);
  });
});
