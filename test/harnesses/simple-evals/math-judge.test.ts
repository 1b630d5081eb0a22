import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import { formatEqualityPrompt } from '../../../src/harnesses/simple-evals/math-equality-template.js';
import { mockServers } from '../../helpers/mock-servers.js';

const server = mockServers();

describe('math_test_500 with a judge: upstream LLM equality checker', () => {
  it('asks EQUALITY_TEMPLATE(gold, extracted) as one user message; "yes" in any case is equivalent', async () => {
    // Candidate: "Answer: 42" for every problem. Judge: " YES " for the first prompt it sees, "No" for
    // the second, an unreadable reply for the third; so 1 of 3 is right and 1 of 3 unparsable.
    const candidate = await server({ defaultReply: 'Working...\nAnswer: 42' });
    const replies = [' YES \n', 'No', 'Equivalent, I think'];
    let asked = 0;
    const judge = await server({ replies: () => replies[asked++ % 3] as string, recordRequests: true });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-math-judge-'));
    const result = await evaluate(
      { type: 'math_test_500', outputDir: dir, params: { limitSamples: 3, parallelism: 1, extra: { judge: { url: judge.chatUrl, model_id: 'checker' } } } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
    );
    const group = result.groups?.math_test_500?.metrics;
    expect(group?.score?.scores.micro?.value).toBeCloseTo(1 / 3);
    expect(group?.judge_unparsable?.scores.micro?.value).toBeCloseTo(1 / 3);
    const samples = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const bodies = judge.requests() as Array<{ messages: Array<{ role: string; content: string }> }>;
    expect(bodies[0]!.messages).toEqual([{ role: 'user', content: formatEqualityPrompt(samples[0].target, '42') }]);
    expect(samples.map((s) => s.details.checker)).toEqual(['llm_equality_checker', 'llm_equality_checker', 'llm_equality_checker']);
    expect(result.evalforge?.scoring).toEqual({ checker: 'llm_equality_checker' });
  });

  it('without a judge url, scores with the rule-based checker and sends nothing to a judge', async () => {
    const candidate = await server({ defaultReply: 'Answer: 42' });
    const result = await evaluate(
      { type: 'math_test_500', outputDir: await mkdtemp(join(tmpdir(), 'evalforge-math-judge-')), params: { limitSamples: 2 } },
      { apiEndpoint: { url: candidate.chatUrl, modelId: 'cand', type: 'chat' } },
    );
    expect(result.evalforge?.scoring).toEqual({ checker: 'hendrycks_math_is_equiv' });
    expect(result.evalforge?.judge).toBeUndefined();
  });
});
