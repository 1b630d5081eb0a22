import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetReader, DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { commonsenseQa, commonsenseQaText } from '../../../src/harnesses/lm-eval/commonsense-qa.js';
import { commonsenseQaDocFromRow } from '../../../src/harnesses/lm-eval/commonsense-qa-data.js';
import { startFakeHub, type FakeHub } from '../../core/datasets/hub-server.js';
import { fixtureRows } from './hub-parquet-fixture.js';
import { allRequests, runAgainstChat, runScripted } from './scripted-loglikelihood.js';

/**
 * `test/fixtures/commonsense-qa/{validation,train}.json`: hand-made rows in `tau/commonsense_qa`'s
 * shape. Validation row 0 has a question wrapped in Python whitespace (U+3000, "\n"), row 1 a
 * question with a line break and answers with outer spaces, row 2 no answer key (gold -100, as the
 * hub's test split), row 3 is train row 3 field for field (the n + 1 draw must drop it), row 4 is
 * non-ASCII. Train row 5 has no answer key, so its shot has no answer and no delimiters.
 * `reference.json` holds, per shot count, each doc's shots (train indices), gold and requests as
 * computed by a throwaway python3 script (not kept) running lm-eval's own code from the mirror
 * (@4e7e0d47): `api/samplers.py` `ContextSampler` seeded 1234 with the eval doc passed (both
 * `fewshot_split` and `test_split` are None), the YAML read by PyYAML and rendered with lm-eval's
 * Jinja environment, `api/utils.py` `Message` and a transcription of `build_qa_turn`.
 */
const VALIDATION_ROWS = fixtureRows('commonsense-qa', 'validation.json');
const TRAIN_ROWS = fixtureRows('commonsense-qa', 'train.json');
const REFERENCE = fixtureRows('commonsense-qa', 'reference.json') as unknown as Record<string, Array<{ shots: number[]; gold: number; requests: unknown[] }>>;
const VALIDATION = 'data/validation-00000-of-00001.parquet';
const TRAIN = 'data/train-00000-of-00001.parquet';
const TOKEN = 'hf_commonsenseQaFixture';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteFile>[0]['schema']>[number];
const utf8 = (name: string): SchemaElement => ({ name, repetition_type: 'OPTIONAL', type: 'BYTE_ARRAY', converted_type: 'UTF8' });
const stringList = (name: string): SchemaElement[] => [
  { name, repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST' },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { ...utf8('element') },
];

/** The hub parquet's layout (as pyarrow writes it): strings, and `choices` a struct of two string lists. */
function writeCommonsenseQaParquet(path: string, rows: readonly Record<string, unknown>[]): void {
  parquetWriteFile({
    filename: path,
    schema: [
      { name: 'root', num_children: 5 },
      utf8('id'),
      utf8('question'),
      utf8('question_concept'),
      { name: 'choices', repetition_type: 'OPTIONAL', num_children: 2 },
      ...stringList('label'),
      ...stringList('text'),
      utf8('answerKey'),
    ],
    columnData: ['id', 'question', 'question_concept', 'choices', 'answerKey'].map((name) => ({ name, data: rows.map((row) => row[name]) })),
  });
}

interface Fixture {
  reader(): DatasetReader;
  close(): Promise<void>;
}

async function serveCommonsenseQa(validation: readonly Record<string, unknown>[], train: readonly Record<string, unknown>[]): Promise<Fixture> {
  const scratch = await mkdtemp(join(tmpdir(), 'evalforge-csqa-'));
  const files = { [VALIDATION]: join(scratch, 'validation.parquet'), [TRAIN]: join(scratch, 'train.parquet') };
  writeCommonsenseQaParquet(files[VALIDATION], validation);
  writeCommonsenseQaParquet(files[TRAIN], train);
  const hub: FakeHub = await startFakeHub({ token: TOKEN, repo: 'tau/commonsense_qa', renamedRepo: 'tau/commonsense_qa-renamed', revision: 'main', files });
  let readers = 0;
  return {
    reader: () => createDatasetReader({ dataDir: join(scratch, 'no-data'), cacheDir: join(scratch, `cache-${readers++}`), hfEndpoint: hub.endpoint, hfToken: TOKEN, offline: false }),
    close: async () => {
      await hub.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

let hub: Fixture;
beforeAll(async () => {
  hub = await serveCommonsenseQa(VALIDATION_ROWS, TRAIN_ROWS);
});
afterAll(() => hub.close());

describe('lm-eval commonsense_qa', () => {
  it('declares the lm-eval task as NeMo runs it: completions with logprobs, 7-shot', () => {
    expect(commonsenseQa.name).toBe('commonsense_qa');
    expect(commonsenseQa.endpointTypes).toEqual(['completions']);
    expect(commonsenseQa.requiredCapabilities).toEqual(['logprobs']);
    expect(commonsenseQa.defaults).toEqual({ extra: { num_fewshot: 7 } });
    expect(commonsenseQa.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/commonsense_qa/default.yaml');
  });

  it('renders doc_to_text byte for byte and asks " A" … " E" (0-shot)', async () => {
    const requests = await allRequests(commonsenseQa, hub.reader());
    const context = 'Question: Where would you put a cup after washing it?\nA. cupboard\nB. floor\nC. roof\nD. car\nE. oven\nAnswer:';
    expect(requests[0]).toEqual(['A', 'B', 'C', 'D', 'E'].map((letter) => ({ context, continuation: ` ${letter}` })));
    expect(requests[1]![0]!.context).toBe('Question: The bird flew\nover which place?\nA. sea\nB. lake\nC. park \nD.  desert\nE. sky\nAnswer:');
    expect(requests[4]![0]!.context).toBe('Question: Où est le café ☕ ?\nA. ici\nB. là\nC. partout\nD. nulle part\nE. 🙂\nAnswer:');
  });

  it('renders shots as doc_to_text + " " + answerKey + "\\n\\n", with neither for a shot without a key', async () => {
    const requests = await allRequests(commonsenseQa, hub.reader(), { extra: { num_fewshot: 2 } });
    // Doc 3 draws train rows 5, 3, 0; row 3 is doc 3 itself and is dropped; row 5 has no key.
    expect(requests[3]![0]!.context).toBe(
      'Question: Train question 5 about the harbor?\nA. harbor a5\nB. harbor b5\nC. harbor c5\nD. harbor d5\nE. harbor e5\nAnswer:' +
        'Question: Train question 0 about the kitchen?\nA. kitchen a0\nB. kitchen b0\nC. kitchen c0\nD. kitchen d0\nE. kitchen e0\nAnswer: A\n\n' +
        'Question: Train question 3 about the school?\nA. school a3\nB. school b3\nC. school c3\nD. school d3\nE. school e3\nAnswer:',
    );
  });

  it("matches lm-eval's own requests and golds for every fixture doc at 0, 2 and 7 shots", async () => {
    // python3: r = random.Random(1234); [r.sample(range(12), 3) for _ in range(5)]
    //   == [[7, 1, 0], [1, 9, 0], [10, 1, 11], [5, 3, 0], [0, 11, 5]]
    expect(REFERENCE['2']!.map((doc) => doc.shots)).toEqual([[7, 1], [1, 9], [10, 1], [5, 0], [0, 11]]);
    for (const shots of ['0', '2', '7']) {
      const requests = await allRequests(commonsenseQa, hub.reader(), { extra: { num_fewshot: Number(shots) } });
      expect(requests, `${shots}-shot`).toEqual(REFERENCE[shots]!.map((doc) => doc.requests));
    }
    const golds: number[] = [];
    for await (const { doc } of commonsenseQa.docs(hub.reader())) golds.push(['A', 'B', 'C', 'D', 'E'].indexOf(commonsenseQa.target(doc)));
    expect(golds.map((g) => (g === -1 ? -100 : g))).toEqual(REFERENCE['0']!.map((doc) => doc.gold));
  });

  it('scores acc end to end (7-shot) to the hand-computed value; a doc without a key scores 0', async () => {
    // Golds A, E, none, D, D. Predictions (argmax, first on ties): A, E, A, C, D → 1, 1, 0, 0, 1 = 0.6.
    const lls = [
      [-1, -2, -3, -4, -5],
      [-9, -9, -9, -9, -0.5],
      [-1, -2, -3, -4, -5],
      [-4, -4, -1, -2, -4],
      [-3, -3, -3, -1, -1],
    ];
    const result = await runScripted(commonsenseQa, () => hub.reader(), lls);
    const acc = result.tasks?.commonsense_qa?.metrics.acc?.scores.acc;
    expect(acc?.value).toBeCloseTo(0.6, 12);
    expect(acc?.stats.stderr).toBeCloseTo(Math.sqrt(0.3 / 5), 12);
    expect(result.groups?.commonsense_qa?.metrics.acc?.scores.acc?.value).toBeCloseTo(0.6, 12);
    expect(Object.keys(result.tasks?.commonsense_qa?.metrics ?? {})).toEqual(['acc']);
  });

  it('refuses a chat endpoint, naming the supported type', async () => {
    await expect(runAgainstChat(commonsenseQa)).rejects.toThrow(/does not support endpoint type "chat"[\s\S]*completions endpoint that returns prompt log-probabilities/);
  });

  it('names the field of a malformed row', () => {
    const row = (fields: Record<string, unknown>): DatasetRow => ({ row: { ...VALIDATION_ROWS[0], ...fields }, rowNumber: 4, location: 'csqa.parquet' });
    expect(() => commonsenseQaDocFromRow(row({ choices: { label: ['A'], text: ['only one'] } }))).toThrow(DatasetError);
    expect(() => commonsenseQaDocFromRow(row({ choices: { label: ['A'], text: ['only one'] } }))).toThrow(/csqa\.parquet, row 4: field "choices" has 1 answer texts, not 5/);
    expect(() => commonsenseQaDocFromRow(row({ choices: null }))).toThrow(/field "text" is missing or not a list of strings/);
    expect(() => commonsenseQaDocFromRow(row({ answerKey: null }))).toThrow(/field "answerKey"/);
    expect(() => commonsenseQaDocFromRow(row({ question: 5 }))).toThrow(/field "question"/);
  });

  it('stops with a ConfigError when more shots are asked than train can give (n + 1 draws)', async () => {
    await expect(commonsenseQa.createPrompter({ params: { extra: { num_fewshot: 12 } }, endpointType: 'completions', data: hub.reader() })).rejects.toThrow(/12 shots need 13 draws/);
  });

  it('renders the text of a doc given directly', () => {
    const doc = commonsenseQaDocFromRow({ row: VALIDATION_ROWS[0]!, rowNumber: 1, location: 'x' });
    expect(commonsenseQaText(doc)).toBe('Question: Where would you put a cup after washing it?\nA. cupboard\nB. floor\nC. roof\nD. car\nE. oven\nAnswer:');
  });
});
