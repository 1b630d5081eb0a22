import { describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { ModelPrompt, PromptContext } from '../../../src/core/task.js';
import { gsm8k } from '../../../src/harnesses/lm-eval/gsm8k.js';
import { gsm8kTrainPool } from '../../../src/harnesses/lm-eval/gsm8k-data.js';
import type { Gsm8kDoc } from '../../../src/harnesses/lm-eval/gsm8k-data.js';

// Real data from EVALFORGE_DATA_DIR (set by vitest.config.ts); never downloads.
const data = createDatasetReader({ offline: true });
const context = (params: PromptContext['params'] = {}): PromptContext => ({ params, endpointType: 'completions', data });

async function testDocs(): Promise<Gsm8kDoc[]> {
  const docs: Gsm8kDoc[] = [];
  for await (const { doc } of gsm8k.docs(data)) docs.push(doc);
  return docs;
}

function completion(prompt: ModelPrompt): { prompt: string; stop?: string[] } {
  if (prompt.kind !== 'completions') throw new Error(`expected a completions prompt, got ${prompt.kind}`);
  return prompt;
}

// python3: r = random.Random(1234); r.sample(range(7473), 5); r.sample(range(7473), 5)
// (lm-eval's sampler draws from the train list with the same stream, one draw per doc in order).
const DOC0_SHOTS = [6374, 3610, 957, 61, 742];
const DOC1_SHOTS = [7462, 6610, 4769, 286, 5501];

describe('lm-eval gsm8k', () => {
  it('declares the lm-eval gsm8k.yaml task', () => {
    expect(gsm8k.name).toBe('gsm8k');
    expect(gsm8k.harness).toBe('lm-evaluation-harness');
    expect(gsm8k.version).toBe('3.0');
    expect(gsm8k.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/gsm8k/gsm8k.yaml');
    expect(gsm8k.endpointTypes).toEqual(['completions']);
    expect(gsm8k.defaults).toEqual({ maxNewTokens: 256 });
  });

  it('streams the 1,319 test docs with their 0-based row index as id', async () => {
    const ids: string[] = [];
    for await (const { id } of gsm8k.docs(data)) ids.push(id);
    expect(ids).toHaveLength(1319);
    expect(ids.slice(0, 3)).toEqual(['0', '1', '2']);
    expect(ids.at(-1)).toBe('1318');
  });

  it('builds doc 0 and doc 1 with the shots random.Random(1234) draws from train, in order', async () => {
    const [doc0, doc1] = (await testDocs()) as [Gsm8kDoc, Gsm8kDoc];
    const train = await gsm8kTrainPool(data);
    expect(train).toHaveLength(7473);
    const shots = (indices: number[]) => indices.map((i) => `Question: ${train[i]?.question}\nAnswer: ${train[i]?.answer}\n\n`).join('');

    const prompter = await gsm8k.createPrompter(context());
    const first = completion(prompter(doc0, 0));
    const second = completion(prompter(doc1, 1));
    expect(first.prompt).toBe(`${shots(DOC0_SHOTS)}Question: ${doc0.question}\nAnswer:`);
    expect(second.prompt).toBe(`${shots(DOC1_SHOTS)}Question: ${doc1.question}\nAnswer:`);
    expect(first.stop).toEqual(['Question:', '</s>', '<|im_end|>']);

    // The literal layout, independent of the helper above: full worked answers with "#### N".
    expect(first.prompt.startsWith('Question: Jen and Tyler are gymnasts practicing flips.')).toBe(true);
    expect(first.prompt).toContain('double-flips.\n#### 12\n\nQuestion: ');
    expect(first.prompt.endsWith("How much in dollars does she make every day at the farmers' market?\nAnswer:")).toBe(true);
    expect(first.prompt.split('\nAnswer: ')).toHaveLength(6);
  });

  it('gives a doc the same shots however the prompter reaches it', async () => {
    const [doc0, doc1] = (await testDocs()) as [Gsm8kDoc, Gsm8kDoc];
    const inOrder = await gsm8k.createPrompter(context());
    const expected = [completion(inOrder(doc0, 0)).prompt, completion(inOrder(doc1, 1)).prompt];
    const skipping = await gsm8k.createPrompter(context());
    expect(completion(skipping(doc1, 1)).prompt).toBe(expected[1]);
    expect(completion(skipping(doc0, 0)).prompt).toBe(expected[0]);
    expect(completion(skipping(doc1, 1)).prompt).toBe(expected[1]);
  });

  it('takes params.extra.num_fewshot as lm-eval takes --num_fewshot', async () => {
    const [doc0] = (await testDocs()) as [Gsm8kDoc];
    const zeroShot = await gsm8k.createPrompter(context({ extra: { num_fewshot: 0 } }));
    expect(completion(zeroShot(doc0, 0)).prompt).toBe(`Question: ${doc0.question}\nAnswer:`);
    const train = await gsm8kTrainPool(data);
    const oneShot = await gsm8k.createPrompter(context({ extra: { num_fewshot: 1 } }));
    // python3: random.Random(1234).sample(range(7473), 1) == [6374]
    expect(completion(oneShot(doc0, 0)).prompt).toBe(`Question: ${train[6374]?.question}\nAnswer: ${train[6374]?.answer}\n\nQuestion: ${doc0.question}\nAnswer:`);
  });

  it('records the full worked answer as target', async () => {
    const [doc0] = (await testDocs()) as [Gsm8kDoc];
    expect(gsm8k.target(doc0).endsWith('\n#### 18')).toBe(true);
  });
});
