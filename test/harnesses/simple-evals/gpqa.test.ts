import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import type { ConfigParams } from '../../../src/core/config/schema.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { MetricStats, ModelPrompt, TaskDefinition } from '../../../src/core/task.js';
import { simpleEvalsHarness } from '../../../src/harnesses/simple-evals/framework.js';
import { gpqaDiamond, gpqaExtended, gpqaMain } from '../../../src/harnesses/simple-evals/gpqa.js';
import type { GpqaRecord } from '../../../src/harnesses/simple-evals/gpqa-data.js';
import { gpqaExamples } from '../../../src/harnesses/simple-evals/gpqa-examples.js';
import type { GpqaExample } from '../../../src/harnesses/simple-evals/gpqa-examples.js';
import { extractGpqaAnswer } from '../../../src/harnesses/simple-evals/gpqa-extract-answer.js';
import { mockServers } from '../../helpers/mock-servers.js';

// Expected values come from a throwaway python3 script running upstream's own steps (random.Random(0),
// rng.sample(range(4), 4) over examples * n_repeats, str.format of QUERY_TEMPLATE_MULTICHOICE,
// choices.index, re.search). GPQA text never appears here: real-data checks compare sha256 digests.

const sha256 = (parts: readonly string[]): string => createHash('sha256').update(parts.join('\0')).digest('hex');
const FIXTURE_DATA_DIR = join(import.meta.dirname, '../../fixtures/gpqa/data');

/** Records whose answers name their original position, so a shown order spells the permutation. */
function positionRecords(count: number): GpqaRecord[] {
  return Array.from({ length: count }, (_, i) => ({ question: `q${i}`, correct: '0', incorrect: ['1', '2', '3'] as const }));
}
const permutationOf = (example: GpqaExample): string => example.choices.join('');

async function allDocs(task: TaskDefinition<GpqaExample>, data: DatasetReader): Promise<{ id: string; doc: GpqaExample }[]> {
  const docs = [];
  for await (const item of task.docs(data)) docs.push(item);
  return docs;
}

async function prompter(task: TaskDefinition<GpqaExample>, data: DatasetReader, params: ConfigParams = {}) {
  return task.createPrompter({ params, endpointType: 'chat', data });
}

const contentOf = (prompt: ModelPrompt): string => (prompt.kind === 'chat' ? (prompt.messages[0]?.content ?? '') : '');

describe('gpqaExamples (upstream permutations)', () => {
  it('draws rng.sample(range(4), 4) per entry from Random(0), as CPython does', () => {
    const examples = gpqaExamples(positionRecords(198), 1);
    expect(examples.slice(0, 20).map(permutationOf)).toEqual([
      '3102', '3120', '2301', '2031', '1302', '2103', '3102', '3210', '0312', '3102',
      '0321', '1230', '0123', '2310', '2301', '3012', '1302', '1032', '0321', '0312',
    ]);
    expect(sha256(examples.map(permutationOf))).toBe('abc27af819b7c9400651839f7ffd9df797cd05bca257306bf80eaf933b7b60a5');
    expect(examples[0]).toMatchObject({ row: 0, repeat: 0, question: 'q0', answer: 'C' });
  });

  it('repeats the whole set, later passes continuing the same stream with new permutations', () => {
    const once = gpqaExamples(positionRecords(198), 1);
    const twice = gpqaExamples(positionRecords(198), 2);
    expect(twice).toHaveLength(396);
    expect(twice.slice(0, 198)).toEqual(once);
    expect(twice.slice(198, 203).map(permutationOf)).toEqual(['2103', '0312', '2301', '0132', '1302']);
    expect(twice[198]).toMatchObject({ row: 0, repeat: 1 });
    expect(sha256(twice.map(permutationOf))).toBe('7a4fc2c062680add55f446e82f5cb9d12e1b74fdc59083b8b57f06786c23bb02');
  });

  it('takes the first shown copy of the correct text as gold when a distractor repeats it', () => {
    // The first permutation is [3, 1, 0, 2]: "same" (incorrect 3) is shown as A, the correct answer as C.
    const [example] = gpqaExamples([{ question: 'q', correct: 'same', incorrect: ['x', 'y', 'same'] }], 1);
    expect(example!.choices).toEqual(['same', 'x', 'same', 'y']);
    expect(example!.answer).toBe('A');
  });
});

describe('gpqa_diamond / gpqa_main / gpqa_extended on the real data (read from the zip in memory)', () => {
  const data = createDatasetReader();
  const expected = [
    { task: gpqaDiamond, count: 198, prompts: 'ab16c13ea341f4f60e974753e1bea1a637b83aae204735c2dd3c1b1842773fac' },
    { task: gpqaMain, count: 448, prompts: 'b0485ba08dd859d08bd1b5af5a5384dda4f471d1452330dc6fc8f9fdbd177d9b' },
    { task: gpqaExtended, count: 546, prompts: '742dd5f387696db56a1a3896728c3f3a695f43c4e2aad03b7d65ec07b5f8e987' },
  ];

  it('builds every prompt byte for byte as upstream and the same gold letters', async () => {
    for (const { task, count, prompts } of expected) {
      const docs = await allDocs(task, data);
      const prompt = await prompter(task, data);
      expect(docs, task.name).toHaveLength(count);
      expect(docs[0]!.id).toBe('0/0');
      expect(docs.at(-1)!.id).toBe(`${count - 1}/0`);
      expect(sha256(docs.map((d, i) => contentOf(prompt(d.doc, i)))), task.name).toBe(prompts);
    }
    const diamond = await allDocs(gpqaDiamond, data);
    expect(diamond.map((d) => gpqaDiamond.target(d.doc)).join('')).toBe(
      'CDCBCCCDACADADCBCBAABDCBBDAAAACCCACBDCBAADAADCDABDDCDABADAACCCDCACDBADCBCABDACAADAADCACABBBCBDCAADABADCADCACDBDACCCBDBAACADAAAAAADDBAABACBDADCBBBCADDBCBBBBBBDBDCDBAABCABACDDBDDDCBBBBACBDDCBDCBABCDDD',
    );
    const [main, extended] = [await allDocs(gpqaMain, data), await allDocs(gpqaExtended, data)];
    expect(createHash('sha256').update(main.map((d) => d.doc.answer).join('')).digest('hex')).toBe('600de9454c2fc45b25013f321c0e4a831aca566ba5868150fcea46bb764fee5d');
    expect(createHash('sha256').update(extended.map((d) => d.doc.answer).join('')).digest('hex')).toBe('13213ccd2ca70c23a65bc25f9507cdc58409385c9f882b71d7a30f61386a1fab');
  });

  it('sends one user message, no system prompt and no stop sequences', async () => {
    const [first] = await allDocs(gpqaDiamond, data);
    const prompt = (await prompter(gpqaDiamond, data))(first!.doc, 0);
    expect(prompt).toEqual({ kind: 'chat', messages: [{ role: 'user', content: expect.stringMatching(/^Answer the following multiple choice question\. [^]*\n\nA\) [^]*\nD\) /) }] });
  });
});

describe('extractGpqaAnswer (ANSWER_PATTERN_MULTICHOICE, first match on the raw response)', () => {
  it('agrees with Python re.search on tricky responses', () => {
    const cases: [string, string | null][] = [
      ['Answer: B', 'B'],
      ['answer: b', 'b'],
      ['Answer:$C$', 'C'],
      ['Answer: \\boxed{C}', null],
      ['**Answer:** C', null],
      ['Answer: A\nAnswer: D', 'A'],
      ['Final Answer :\tD', 'D'],
      ['Answer:\nC', null],
      ['ANSWER: E', null],
      ['Answer: Dog', 'D'],
      ['The answer: $$B$$', null],
      ['Answer: (C)', null],
      ['My answer:  $ D', null],
      ['Answer:C.', 'C'],
      ['', null],
      ['Answer:  d\nAnswer: A', 'd'],
      ['Ａnswer: B', null],
      ['ANSWER:\u00a0C', null],
    ];
    for (const [response, expected] of cases) expect(extractGpqaAnswer(response), JSON.stringify(response)).toBe(expected);
  });

  it('scores letter equality (a lower-case capture scores 0) and records chars in code points', () => {
    const doc: GpqaExample = { row: 0, repeat: 0, question: 'q', choices: ['a', 'b', 'c', 'd'], answer: 'B' };
    expect(gpqaDiamond.score('Answer: B', doc)).toEqual({ extracted: { answer: 'B' }, scores: { score: 1, chars: 9 } });
    expect(gpqaDiamond.score('answer: b', doc).scores.score).toBe(0);
    expect(gpqaDiamond.score('é😀 no answer', doc)).toEqual({ extracted: { answer: null }, scores: { score: 0, chars: 12 } });
  });
});

describe('gpqa report and params', () => {
  const stats = (values: number[]): MetricStats => ({ count: values.length, sum: values.reduce((a, b) => a + b, 0), sumSquared: values.reduce((a, b) => a + b * b, 0) });

  it("lays results out as NeMo's parser does for GPQA (tasks = groups), with upstream's chars beside score", () => {
    const totals = new Map([['', new Map([['score', stats([1, 0, 0, 1, 0, 0, 1, 0, 1, 0])], ['chars', stats([10, 20])]])]]);
    const result = gpqaDiamond.report(totals);
    const entry = {
      metrics: {
        score: { scores: { micro: { value: 0.4, stats: { count: 10, mean: 0.4, stddev: expect.closeTo(0.4898979485566356, 12), stderr: expect.closeTo(0.16329931618554522, 12) } } } },
        chars: { scores: { micro: { value: 15, stats: { count: 2, mean: 15, stddev: 5, stderr: 5 } } } },
      },
    };
    expect(result).toEqual({ groups: { gpqa_diamond: entry }, tasks: { gpqa_diamond: entry } });
    expect(Object.keys(gpqaMain.report(totals).groups)).toEqual(['gpqa_main']);
  });

  it('makes n_samples passes over the set (ids <row>/<pass>) and names a bad n_samples', async () => {
    const data = createDatasetReader({ dataDir: FIXTURE_DATA_DIR, offline: true });
    const ids = async (params: ConfigParams) => {
      const out: string[] = [];
      for await (const item of gpqaDiamond.docs(data, params)) out.push(item.id);
      return out;
    };
    const one = await ids({});
    const three = await ids({ extra: { n_samples: 3 } });
    expect(three).toHaveLength(one.length * 3);
    expect(three.slice(0, one.length)).toEqual(one);
    expect(three[one.length]).toBe('0/1');
    await expect(ids({ extra: { n_samples: 0 } })).rejects.toThrow(ConfigError);
    await expect(ids({ extra: { n_samples: 'two' } })).rejects.toThrow(/config\.params\.extra\.n_samples: must be a whole number/);
  });
});

describe('gpqa_diamond end to end', () => {
  const startServer = mockServers();
  let outputDir: string | undefined;
  afterEach(async () => {
    if (outputDir) await rm(outputDir, { recursive: true, force: true });
    outputDir = undefined;
  });

  it('runs against the mock server on a hand-made GPQA-shaped zip and scores like upstream', async () => {
    const data = createDatasetReader({ dataDir: FIXTURE_DATA_DIR, offline: true });
    const docs = await allDocs(gpqaDiamond, data);
    const prompt = await prompter(gpqaDiamond, data);
    // Rows 0, 2, 4 answered right, 1 and 3 wrong, row 5 in lower case (0 as upstream).
    const replies = new Map(
      docs.map(({ doc }, i) => {
        const wrong = 'ABCD'.replace(doc.answer, '')[0]!;
        const reply = i === 5 ? `Answer: ${doc.answer.toLowerCase()}` : i % 2 === 0 ? `Reasoning.\nAnswer: ${doc.answer}` : `Answer: ${wrong}`;
        return [contentOf(prompt(doc, i)), reply];
      }),
    );
    const server = await startServer({ replies, recordRequests: true });
    outputDir = await mkdtemp(join(tmpdir(), 'evalforge-gpqa-'));
    const result = await evaluate(
      { type: 'gpqa_diamond', outputDir, params: { parallelism: 3 } },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { registry: new TaskRegistry([{ ...simpleEvalsHarness, tasks: [gpqaDiamond] }]), data },
    );
    expect(result.groups.gpqa_diamond?.metrics.score?.scores.micro?.value).toBe(0.5);
    expect(result.tasks.gpqa_diamond?.metrics.score?.scores.micro?.stats.count).toBe(6);
    const samples = (await readFile(join(outputDir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(samples.map((s) => s.id).sort()).toEqual(['0/0', '1/0', '2/0', '3/0', '4/0', '5/0']);
    const requests = server.requests() as Array<{ messages: unknown[]; stop?: unknown }>;
    expect(requests).toHaveLength(6);
    expect(requests[0]!.messages).toHaveLength(1);
    expect(requests[0]!.stop).toBeUndefined();
  });

  it('is refused for a completions endpoint', async () => {
    outputDir = await mkdtemp(join(tmpdir(), 'evalforge-gpqa-'));
    const run = evaluate(
      { type: 'gpqa_diamond', outputDir },
      { apiEndpoint: { url: 'http://127.0.0.1:9/v1/completions', modelId: 'mock', type: 'completions' } },
      { registry: new TaskRegistry([{ ...simpleEvalsHarness, tasks: [gpqaDiamond] }]) },
    );
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/chat/);
  });
});
