import { describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { PromptContext } from '../../../src/core/task.js';
import { gsm8kCotInstruct } from '../../../src/harnesses/lm-eval/gsm8k-cot-instruct.js';
import type { Gsm8kDoc } from '../../../src/harnesses/lm-eval/gsm8k-data.js';

const data = createDatasetReader({ offline: true });

async function firstDocs(n: number): Promise<Gsm8kDoc[]> {
  const docs: Gsm8kDoc[] = [];
  for await (const { doc } of gsm8kCotInstruct.docs(data)) {
    docs.push(doc);
    if (docs.length === n) break;
  }
  return docs;
}

describe('gsm8k_cot_instruct (lm-eval gsm8k_cot_zeroshot)', () => {
  it('declares lm-eval gsm8k-cot-zeroshot.yaml and says plainly that NeMo runs something else', () => {
    expect(gsm8kCotInstruct.name).toBe('gsm8k_cot_instruct');
    expect(gsm8kCotInstruct.version).toBe('3.0');
    expect(gsm8kCotInstruct.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/gsm8k/gsm8k-cot-zeroshot.yaml');
    expect(gsm8kCotInstruct.endpointTypes).toEqual(['chat']);
    expect(gsm8kCotInstruct.defaults).toEqual({ maxNewTokens: 1024 });
    expect(gsm8kCotInstruct.description).toContain('gsm8k_zeroshot_cot --add_instruction');
    expect(gsm8kCotInstruct.description).toContain('not published');
  });

  it('sends one user message per doc, ignoring num_fewshot as lm-eval does for a YAML with 0 shots', async () => {
    const [doc0, doc1] = (await firstDocs(2)) as [Gsm8kDoc, Gsm8kDoc];
    const params: PromptContext['params'] = { extra: { num_fewshot: 5 } };
    const prompter = await gsm8kCotInstruct.createPrompter({ params, endpointType: 'chat', data });
    expect(prompter(doc0, 0)).toEqual({
      kind: 'chat',
      messages: [
        {
          role: 'user',
          content:
            "Q: Janet’s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?\nA: Let's think step by step.",
        },
      ],
      stop: ['Q:', '</s>', '<|im_end|>'],
    });
    expect(prompter(doc1, 1)).toMatchObject({ messages: [{ role: 'user', content: `Q: ${doc1.question}\nA: Let's think step by step.` }] });
  });

  it('records the full worked answer as target', async () => {
    const [doc0] = (await firstDocs(1)) as [Gsm8kDoc];
    expect(gsm8kCotInstruct.target(doc0)).toBe(doc0.answer);
  });
});
