import { describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import type { ChatMessage, ModelPrompt, PromptContext } from '../../../src/core/task.js';
import { gsm8kCotLlama } from '../../../src/harnesses/lm-eval/gsm8k-cot-llama.js';
import type { Gsm8kDoc } from '../../../src/harnesses/lm-eval/gsm8k-data.js';

const data = createDatasetReader({ offline: true });
const context = (params: PromptContext['params'] = {}): PromptContext => ({ params, endpointType: 'chat', data });

async function firstDoc(): Promise<Gsm8kDoc> {
  for await (const { doc } of gsm8kCotLlama.docs(data)) return doc;
  throw new Error('no docs');
}

function chat(prompt: ModelPrompt): { messages: ChatMessage[]; stop?: string[] } {
  if (prompt.kind !== 'chat') throw new Error(`expected a chat prompt, got ${prompt.kind}`);
  return prompt;
}

// doc_to_text of gsm8k-cot-llama.yaml after YAML parsing (ends with a newline).
const userTurn = (question: string): string =>
  'Given the following problem, reason and give a final answer to the problem.\n' +
  `Problem: ${question}\n` +
  'Your response should end with "The final answer is [answer]" where [answer] is the response to the problem.\n';

describe('lm-eval gsm8k_cot_llama', () => {
  it('declares the lm-eval gsm8k-cot-llama.yaml task as NeMo runs it', () => {
    expect(gsm8kCotLlama.name).toBe('gsm8k_cot_llama');
    expect(gsm8kCotLlama.version).toBe('4.0');
    expect(gsm8kCotLlama.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/gsm8k/gsm8k-cot-llama.yaml');
    expect(gsm8kCotLlama.endpointTypes).toEqual(['chat']);
    expect(gsm8kCotLlama.defaults).toEqual({ maxNewTokens: 1024 });
  });

  it('sends doc 0 after the 8 exemplars as user/assistant turns, and only the first 4 stop strings', async () => {
    const doc = await firstDoc();
    const { messages, stop } = chat((await gsm8kCotLlama.createPrompter(context()))(doc, 0));
    expect(messages).toHaveLength(17);
    expect(messages.map((m) => m.role)).toEqual([...Array<string[]>(8).fill(['user', 'assistant']).flat(), 'user']);
    expect(messages[0]).toEqual({
      role: 'user',
      content: userTurn('There are 15 trees in the grove. Grove workers will plant trees in the grove today. After they are done, there will be 21 trees. How many trees did the grove workers plant today?'),
    });
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: 'There are 15 trees originally. Then there were 21 trees after some more were planted. So there must have been 21 - 15 = 6. The final answer is 6',
    });
    expect(messages[14]).toEqual({ role: 'user', content: userTurn('Olivia has $23. She bought five bagels for $3 each. How much money does she have left?') });
    expect(messages[15]).toEqual({
      role: 'assistant',
      content: 'Olivia had 23 dollars. 5 bagels for 3 dollars each will be 5 x 3 = 15 dollars. So she has 23 - 15 dollars left. 23 - 15 is 8. The final answer is 8',
    });
    expect(messages[16]).toEqual({ role: 'user', content: userTurn(doc.question) });
    expect(messages[16]?.content.startsWith('Given the following problem, reason and give a final answer to the problem.\nProblem: Janet’s ducks lay 16 eggs per day.')).toBe(true);
    expect(stop).toEqual(['<|eot_id|>', '<|start_header_id|>user<|end_header_id|>', 'Q:', '</s>']);
  });

  it('is 0-shot with num_fewshot 0 (NeMo gsm8k_cot_zeroshot_llama) and refuses more shots than it has', async () => {
    const doc = await firstDoc();
    const zeroShot = await gsm8kCotLlama.createPrompter(context({ extra: { num_fewshot: 0 } }));
    expect(chat(zeroShot(doc, 0)).messages).toEqual([{ role: 'user', content: userTurn(doc.question) }]);
    await expect(gsm8kCotLlama.createPrompter(context({ extra: { num_fewshot: 9 } }))).rejects.toThrow(ConfigError);
  });

  it('takes the number after "####" as target', async () => {
    expect(gsm8kCotLlama.target(await firstDoc())).toBe('18');
  });
});
