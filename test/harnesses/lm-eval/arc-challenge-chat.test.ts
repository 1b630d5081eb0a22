import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import type { ArcDoc } from '../../../src/harnesses/lm-eval/arc-data.js';
import { arcChallengeChat, arcChatMessages, arcChatTarget, arcChatText, scoreArcChallengeChat } from '../../../src/harnesses/lm-eval/arc-challenge-chat.js';
import { lmEvalHarness } from '../../../src/harnesses/lm-eval/framework.js';
import { mockServers } from '../../helpers/mock-servers.js';

// Expected values come from a throwaway python3 script (not kept): the YAML at 4e7e0d47 loaded with
// PyYAML and rendered with lm-eval's Jinja environment (StrictUndefined, keep_trailing_newline) over
// the ARC-Challenge test file; scoring with `str.strip` (remove_whitespace) and lm-eval's own
// `exact_match_hf_evaluate` (api/metrics.py) after a server-side cut at the earliest stop string.

const data = createDatasetReader({ offline: true });

async function allDocs(): Promise<ArcDoc[]> {
  const docs: ArcDoc[] = [];
  for await (const { doc } of arcChallengeChat.docs(data)) docs.push(doc);
  return docs;
}

const INSTRUCTION = 'Given the following question and four candidate answers (A, B, C and D), choose the best answer.';
const FORMAT = 'Your response should end with "The best answer is [the_answer_letter]" where the [the_answer_letter] is one of A, B, C or D.';

describe('lm-eval arc_challenge_chat prompt', () => {
  it('declares the task as NeMo runs it: chat only, max_new_tokens 1024', () => {
    expect(arcChallengeChat.name).toBe('arc_challenge_chat');
    expect(arcChallengeChat.endpointTypes).toEqual(['chat']);
    expect(arcChallengeChat.requiredCapabilities).toBeUndefined();
    expect(arcChallengeChat.defaults).toEqual({ maxNewTokens: 1024 });
    expect(arcChallengeChat.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/arc/arc_challenge_chat.yaml');
  });

  it('renders the single-quoted YAML template: literal backslash-n, no D line for three choices, no E line for five', async () => {
    const docs = await allDocs();
    expect(docs).toHaveLength(1172);
    // Row 121 (NYSEDREGENTS_2010_4_4): three choices A-C.
    expect(docs[121]!.id).toBe('NYSEDREGENTS_2010_4_4');
    expect(arcChatText(docs[121]!)).toBe(
      'Given the following question and four candidate answers (A, B, C and D), choose the best answer.\\nQuestion: A toy truck rolls over a smooth surface. If the surface is covered with sand, the truck will most likely roll\\nA. slower\\nB. faster\\nC. at the same speed\\nYour response should end with "The best answer is [the_answer_letter]" where the [the_answer_letter] is one of A, B, C or D.',
    );
    // Row 1037 (TIMSS_1995_8_N4): five choices, only A-D shown.
    expect(docs[1037]!.choices.text).toHaveLength(5);
    expect(arcChatText(docs[1037]!)).toBe(
      'Given the following question and four candidate answers (A, B, C and D), choose the best answer.\\nQuestion: Years ago farmers found that corn plants grew better if decaying fish were buried near by. What did the decaying fish probably supply to the plants to improve their growth?\\nA. energy\\nB. minerals\\nC. protein\\nD. oxygen\\nYour response should end with "The best answer is [the_answer_letter]" where the [the_answer_letter] is one of A, B, C or D.',
    );
    expect(arcChatText(docs[1037]!)).not.toContain('\n');
  });

  it("matches lm-eval's rendering and targets for all 1,172 questions", async () => {
    const docs = await allDocs();
    const texts = createHash('sha256').update(docs.map(arcChatText).join('\0')).digest('hex');
    expect(texts).toBe('e43cc34d83145e3ca6f5052ceb489755e5951625fd36c4d39a8fa85785eceb05');
    const targets = docs.map(arcChatTarget).join('');
    expect(createHash('sha256').update(targets).digest('hex')).toBe('154e9b155963184f85347c3e3aaa9e7c9fd54c6505b4df878c252e4ffed849e4');
    // Numeric labels map to letters: row 44 has answerKey "2", row 385 (three choices 1-3) too.
    expect([docs[44]!.answerKey, arcChatTarget(docs[44]!)]).toEqual(['2', 'B']);
    expect([docs[385]!.choices.label.join(''), arcChatTarget(docs[385]!)]).toEqual(['123', 'B']);
  });

  it('strips the question, and keeps keys outside 1-4 as they are', () => {
    const doc: ArcDoc = { id: 'x', question: ' \u3000Which one?\n', choices: { text: ['a', 'b', 'c', 'd', 'e'], label: ['1', '2', '3', '4', '5'] }, answerKey: '5' };
    expect(arcChatText(doc)).toBe(`${INSTRUCTION}\\nQuestion: Which one?\\nA. a\\nB. b\\nC. c\\nD. d\\n${FORMAT}`);
    expect(arcChatTarget(doc)).toBe('5');
    expect(arcChatTarget({ ...doc, answerKey: 'E' })).toBe('E');
    expect(arcChatTarget({ ...doc, answerKey: '4' })).toBe('D');
    expect(arcChatTarget({ ...doc, answerKey: '1' })).toBe('A');
  });

  it('sends the question as the user turn and the gen_prefix as a trailing assistant turn, stop "\\n\\n" and "."', async () => {
    const [doc] = await allDocs();
    const prompter = await arcChallengeChat.createPrompter({ params: { extra: { num_fewshot: 5 } }, endpointType: 'chat', data });
    expect(prompter(doc!, 0)).toEqual({
      kind: 'chat',
      messages: [
        { role: 'user', content: arcChatText(doc!) },
        { role: 'assistant', content: 'The best answer is' },
      ],
      stop: ['\n\n', '.'],
    });
    expect(arcChatMessages(doc!)).toHaveLength(2);
  });
});

describe('lm-eval arc_challenge_chat scoring', () => {
  it('agrees with remove_whitespace + take_first + exact_match (ignore case and punctuation) on tricky responses', () => {
    // [response, target, extracted, exact_match] from the reference script.
    const cases: [string, string, string, number][] = [
      [' B', 'B', 'B', 1],
      ['B', 'B', 'B', 1],
      [' b', 'B', 'b', 1],
      [' (B)', 'B', '(B)', 1],
      ['  B\n', 'B', 'B', 1],
      [' B is correct', 'B', 'B is correct', 0],
      ['\nB', 'B', 'B', 1],
      [' B\n\nExplanation: ...', 'B', 'B', 1],
      [' [B]', 'B', '[B]', 1],
      [' B!', 'B', 'B!', 1],
      [' **B**', 'B', '**B**', 1],
      [' Option B', 'B', 'Option B', 0],
      ['', 'B', '', 0],
      [' \u00a0B\u3000', 'B', 'B', 1],
      [' \uff22', 'B', '\uff22', 0],
      [' b)', 'B', 'b)', 1],
      [' A or B', 'B', 'A or B', 0],
      [" 'B'", 'B', "'B'", 1],
      [' B \u2014 because', 'B', 'B \u2014 because', 0],
      [' B. Because the', 'B', 'B', 1],
      [' The best answer is B', 'B', 'The best answer is B', 0],
      [' E', 'E', 'E', 1],
      [' e.', 'E', 'e', 1],
      [' D', 'D', 'D', 1],
      ['\tC\r\n', 'C', 'C', 1],
      [' 2', 'B', '2', 0],
      [' B\n', 'B', 'B', 1],
      [' B\nC', 'B', 'B\nC', 0],
      [' B_', 'B', 'B_', 1],
      [' B\u200b', 'B', 'B\u200b', 0],
    ];
    for (const [response, target, extracted, score] of cases) {
      expect(scoreArcChallengeChat(response, target), JSON.stringify(response)).toEqual({
        extracted: { remove_whitespace: extracted },
        scores: { 'exact_match,remove_whitespace': score },
      });
    }
  });

  it('scores a doc against its mapped target', () => {
    const doc: ArcDoc = { id: 'x', question: 'q', choices: { text: ['a', 'b', 'c', 'd'], label: ['1', '2', '3', '4'] }, answerKey: '3' };
    expect(arcChallengeChat.score(' C', doc).scores['exact_match,remove_whitespace']).toBe(1);
    expect(arcChallengeChat.score(' 3', doc).scores['exact_match,remove_whitespace']).toBe(0);
  });
});

describe('lm-eval arc_challenge_chat end to end', () => {
  const startServer = mockServers();
  let outputDir: string | undefined;
  afterEach(async () => {
    if (outputDir) await rm(outputDir, { recursive: true, force: true });
    outputDir = undefined;
  });

  const registry = () => new TaskRegistry([{ ...lmEvalHarness, tasks: [arcChallengeChat] }]);

  it('runs against the mock server: the trailing assistant message goes out as is, and scores are NeMo-named', async () => {
    const docs = (await allDocs()).slice(0, 4);
    // Docs 0-1 answer the gold letter then explain (cut at "."), doc 2 a wrong letter, doc 3 rambles.
    const replies = new Map(
      docs.map((doc, i) => {
        const gold = arcChatTarget(doc);
        const wrong = ['A', 'B', 'C', 'D'].find((letter) => letter !== gold)!;
        return [arcChatText(doc), [` ${gold}. Because`, ` ${gold.toLowerCase()}\n\nMore`, ` ${wrong}`, ' hmm, hard to say'][i]!];
      }),
    );
    const server = await startServer({ replies, recordRequests: true });
    outputDir = await mkdtemp(join(tmpdir(), 'evalforge-arc-chat-'));
    const result = await evaluate(
      { type: 'arc_challenge_chat', outputDir, params: { parallelism: 2, limitSamples: 4 } },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { registry: registry(), data },
    );
    const metric = result.tasks.arc_challenge_chat!.metrics['exact_match__remove_whitespace']!.scores['exact_match__remove_whitespace']!;
    expect(metric.value).toBe(0.5);
    expect(result.groups.arc_challenge_chat!.metrics['exact_match__remove_whitespace']!.scores['exact_match__remove_whitespace']!.value).toBe(0.5);
    const requests = server.requests() as Array<{ messages: unknown; stop?: unknown; max_tokens?: unknown }>;
    expect(requests).toHaveLength(4);
    expect(requests[0]).toMatchObject({ stop: ['\n\n', '.'], max_tokens: 1024 });
    expect((requests[0]!.messages as Array<{ role: string }>).map((m) => m.role)).toEqual(['user', 'assistant']);
    const samples = (await readFile(join(outputDir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(samples.map((s) => s.id).sort()).toEqual([...docs.map((d) => d.id)].sort());
  });

  it('is refused for a completions endpoint', async () => {
    outputDir = await mkdtemp(join(tmpdir(), 'evalforge-arc-chat-'));
    const run = evaluate(
      { type: 'arc_challenge_chat', outputDir },
      { apiEndpoint: { url: 'http://127.0.0.1:9/v1/completions', modelId: 'mock', type: 'completions' } },
      { registry: registry() },
    );
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/chat/);
  });
});
