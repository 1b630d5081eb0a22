import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { ModelPrompt } from '../../../src/core/task.js';
import { lmEvalHarness } from '../../../src/harnesses/lm-eval/framework.js';
import { gpqaDiamondCot } from '../../../src/harnesses/lm-eval/gpqa-cot-zeroshot.js';
import { gpqaCotDocs, preprocessGpqaText } from '../../../src/harnesses/lm-eval/gpqa-cot-zeroshot-data.js';
import type { GpqaCotDoc } from '../../../src/harnesses/lm-eval/gpqa-cot-zeroshot-data.js';
import { mockServers } from '../../helpers/mock-servers.js';

// Expected values come from throwaway python3 scripts: CPython's random.seed(0) then random.shuffle
// per row over the preprocessed answers, as lm-eval's process_docs; and lm-eval's own filters
// (filters/extraction.py) with an exact_match port. GPQA text never appears here, only digests.

const sha256 = (parts: readonly string[]): string => createHash('sha256').update(parts.join('\0')).digest('hex');
const FIXTURE_DATA_DIR = join(import.meta.dirname, '../../fixtures/gpqa/data');

async function docsOf(data: DatasetReader, subset: 'diamond' | 'main' | 'extended' = 'diamond'): Promise<{ id: string; doc: GpqaCotDoc }[]> {
  const docs = [];
  for await (const item of gpqaCotDocs(data, subset)) docs.push(item);
  return docs;
}

const contentOf = (prompt: ModelPrompt): string => (prompt.kind === 'chat' ? (prompt.messages[0]?.content ?? '') : '');

describe('gpqa_diamond_cot docs (process_docs with the global random after random.seed(0))', () => {
  it('shuffles the answers of every row as CPython does, and renders doc_to_text byte for byte', async () => {
    const data = createDatasetReader();
    const docs = await docsOf(data);
    expect(docs).toHaveLength(198);
    expect(docs.map((d) => d.id).slice(0, 3)).toEqual(['0', '1', '2']);
    expect(docs.map((d) => d.doc.answer.slice(1, 2)).join('')).toBe(
      'DCDCCACADBBDBAAACBCDCCADBBDAACBBAAABADABCBBCBBDBAAABDCABCABDBADCBDCBCBBDACBDCBBBABBCCBDABBBCADDCCBCCBBAABABAADBDABCABADDCDCDABACDABDBAABCDDCBABCBACDBCABDACCDBADCABACCCACBDDCBBBDCCADAACAABABAADCABBAA',
    );
    const prompter = await gpqaDiamondCot.createPrompter({ params: {}, endpointType: 'chat', data });
    expect(sha256(docs.map((d, i) => contentOf(prompter(d.doc, i))))).toBe('70fa8fa895fb9edae118af9d7c51540bbd6db23521006beb8da36cc957901841');
    // main and extended share process_docs; main has a distractor equal to the correct answer.
    for (const [subset, expected] of [
      ['main', 'b2d55e53caeabf5952598d97716347ccd0008ce5e49b59e3a89a06a98164b704'],
      ['extended', '0336f80da883d12f150b49f4524dea9443e1f51e30a2a85b0ab74f4eb80971bc'],
    ] as const) {
      const answers = (await docsOf(data, subset)).map((d) => d.doc.answer.slice(1, 2)).join('');
      expect(createHash('sha256').update(answers).digest('hex'), subset).toBe(expected);
    }
  });

  it('preprocesses as lm-eval: strip, " [title]" to ". ", then double spaces to one', () => {
    expect(preprocessGpqaText('  Spaced  answer [title] here ')).toBe('Spaced answer. here');
    expect(preprocessGpqaText('a    b')).toBe('a  b');
    expect(preprocessGpqaText('\u3000x [title]\n')).toBe('x. ');
  });

  it('keeps the question raw, the choices preprocessed, and sends one user message with stop </s>', async () => {
    const data = createDatasetReader({ dataDir: FIXTURE_DATA_DIR, offline: true });
    const docs = await docsOf(data);
    const second = docs[1]!.doc;
    expect(second.choices).toContain('Spaced answer. here');
    expect(second.choices).toContain('x y');
    const prompt = (await gpqaDiamondCot.createPrompter({ params: {}, endpointType: 'chat', data }))(second, 1);
    const [a, b, c, d] = second.choices;
    expect(prompt).toEqual({
      kind: 'chat',
      messages: [
        {
          role: 'user',
          content: `What is the correct answer to this question:${second.question}\nChoices:\n(A) ${a}\n(B) ${b}\n(C) ${c}\n(D) ${d}\nLet's think step by step: `,
        },
      ],
      stop: ['</s>'],
    });
    expect(second.question).toContain('braces {A} and $5.');
  });
});

describe('gpqa_diamond_cot scoring', () => {
  it('agrees with lm-eval strict-match and flexible-extract, and exact_match, on tricky responses', () => {
    const cases: [string, string[], string, string, string, number, number][] = [
      ["The answer is (B).", ['Yes, it is!', 'No.', 'Maybe...', 'Never?'], "(B)", "(B)", "(B)", 1, 1],
      ["The answer is (B)", ['Yes, it is!', 'No.', 'Maybe...', 'Never?'], "(B)", "(B", "(B)", 1, 1],
      ["I think (A) or (C). Final: (C)", ['Yes, it is!', 'No.', 'Maybe...', 'Never?'], "(C)", "[invalid]", "(C)", 0, 1],
      ["the answer is (b).", ['alpha', 'beta', 'gamma', 'delta'], "(B)", "[invalid]", "[invalid]", 0, 0],
      ["It must be: Maybe...", ['Yes, it is!', 'No.', 'Maybe...', 'Never?'], "(C)", "[invalid]", "(C)", 0, 1],
      ["Final answer: D", ['alpha', 'beta', 'gamma', 'delta'], "(D)", "[invalid]", "(D)", 0, 1],
      ["Answer:\n\nB because it fits", ['alpha', 'beta', 'gamma', 'delta'], "(B)", "[invalid]", "(B)", 0, 1],
      ["beta is right", ['...', 'beta', 'gamma', 'delta'], "(B)", "[invalid]", "[invalid]", 0, 0],
      ["It's same.", ['Same', 'same!', 'x', 'y'], "(A)", "[invalid]", "(B)", 0, 0],
      ["the foo", ['- foo', 'bar', 'baz', 'qux'], "(A)", "[invalid]", "foo", 0, 0],
      ["The answer is (E).", ['alpha', 'beta', 'gamma', 'delta'], "(A)", "(E)", "(E)", 0, 0],
      ["So (A)</s> and later (B)", ['alpha', 'beta', 'gamma', 'delta'], "(A)", "[invalid]", "(A)", 0, 1],
      ["The answer is (C).\nThe answer is (D).", ['alpha', 'beta', 'gamma', 'delta'], "(C)", "(C)", "(D)", 1, 0],
      ["The answer is C", ['alpha', 'beta', 'gamma', 'delta'], "(C)", "", "[invalid]", 0, 0],
      ["The answer is (A)\r\n", ['alpha', 'beta', 'gamma', 'delta'], "(A)", "(A)", "(A)", 1, 1],
      ["je dis OUI", ['«Oui»', 'Non', 'Peut-être', 'Jamais'], "(A)", "[invalid]", "(A)", 0, 1],
      ["clearly a|b (c) holds", ['x^2 + (y)', 'a|b (c)', '$5.00', 'C++'], "(B)", "[invalid]", "(B)", 0, 1],
      ["it costs $5.00, i.e. 5 00", ['x^2 + (y)', 'a|b (c)', '$5.00', 'C++'], "(C)", "[invalid]", "(C)", 0, 1],
      ["no idea", ['alpha', 'beta', 'gamma', 'delta'], "(A)", "[invalid]", "[invalid]", 0, 0],
      ["", ['alpha', 'beta', 'gamma', 'delta'], "(A)", "[invalid]", "[invalid]", 0, 0],
      ["Gamma then DELTA were considered; delta it is", ['alpha', 'beta', 'gamma', 'delta'], "(D)", "[invalid]", "(D)", 0, 1],
      ["The answer is éé", ['alpha', 'beta', 'gamma', 'delta'], "(A)", "é", "[invalid]", 0, 0],
      ["choice: a", ['alpha', 'beta', 'gamma', 'delta'], "(A)", "[invalid]", "[invalid]", 0, 0],
      ["ΣΊΣΥΦΟΣ wins", ['σίσυφος', 'b', 'c', 'd'], "(A)", "[invalid]", "(A)", 0, 1],
    ];
    for (const [response, choices, answer, strict, flexible, emStrict, emFlexible] of cases) {
      const doc: GpqaCotDoc = { question: 'q', choices: choices as [string, string, string, string], answer };
      expect(gpqaDiamondCot.score(response, doc), JSON.stringify(response)).toEqual({
        extracted: { 'strict-match': strict, 'flexible-extract': flexible },
        scores: { 'exact_match,strict-match': emStrict, 'exact_match,flexible-extract': emFlexible },
      });
    }
  });

  it("reports NeMo's metric names for both filters", () => {
    const stats = { count: 4, sum: 1, sumSquared: 1 };
    const result = gpqaDiamondCot.report(new Map([['', new Map([['exact_match,strict-match', stats], ['exact_match,flexible-extract', stats]])]]));
    expect(Object.keys(result.tasks)).toEqual(['gpqa_diamond_cot_zeroshot']);
    expect(Object.keys(result.tasks.gpqa_diamond_cot_zeroshot!.metrics).sort()).toEqual(['exact_match__flexible-extract', 'exact_match__strict-match']);
    expect(result.groups.gpqa_diamond_cot_zeroshot!.metrics['exact_match__strict-match']!.scores['exact_match__strict-match']!.value).toBe(0.25);
  });
});

describe('gpqa_diamond_cot end to end', () => {
  const startServer = mockServers();
  let outputDir: string | undefined;
  afterEach(async () => {
    if (outputDir) await rm(outputDir, { recursive: true, force: true });
    outputDir = undefined;
  });

  const registry = () => new TaskRegistry([{ ...lmEvalHarness, tasks: [gpqaDiamondCot] }]);

  it('runs against the mock server on a hand-made GPQA-shaped zip', async () => {
    const data = createDatasetReader({ dataDir: FIXTURE_DATA_DIR, offline: true });
    const docs = await docsOf(data);
    const prompter = await gpqaDiamondCot.createPrompter({ params: {}, endpointType: 'chat', data });
    // Rows 0-2: "The answer is (X)." with the gold label; rows 3-5: a wrong label, flexible only.
    const replies = new Map(
      docs.map(({ doc }, i) => {
        const wrong = ['(A)', '(B)', '(C)', '(D)'].find((label) => label !== doc.answer)!;
        return [contentOf(prompter(doc, i)), i < 3 ? `Step by step.\nThe answer is ${doc.answer}.` : `Maybe ${wrong}`];
      }),
    );
    const server = await startServer({ replies, recordRequests: true });
    outputDir = await mkdtemp(join(tmpdir(), 'evalforge-gpqa-cot-'));
    const result = await evaluate(
      { type: 'gpqa_diamond_cot', outputDir, params: { parallelism: 2 } },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { registry: registry(), data },
    );
    const metrics = result.tasks.gpqa_diamond_cot_zeroshot!.metrics;
    expect(metrics['exact_match__strict-match']!.scores['exact_match__strict-match']!.value).toBe(0.5);
    expect(metrics['exact_match__flexible-extract']!.scores['exact_match__flexible-extract']!.value).toBe(0.5);
    const requests = server.requests() as Array<{ stop?: unknown; max_tokens?: unknown }>;
    expect(requests).toHaveLength(6);
    expect(requests[0]).toMatchObject({ stop: ['</s>'], max_tokens: 1024 });
    const samples = (await readFile(join(outputDir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(samples.map((s) => s.id).sort()).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('is refused for a completions endpoint', async () => {
    outputDir = await mkdtemp(join(tmpdir(), 'evalforge-gpqa-cot-'));
    const run = evaluate(
      { type: 'gpqa_diamond_cot', outputDir },
      { apiEndpoint: { url: 'http://127.0.0.1:9/v1/completions', modelId: 'mock', type: 'completions' } },
      { registry: registry() },
    );
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/chat/);
  });
});
