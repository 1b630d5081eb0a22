import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/api/evaluate.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import type { ModelPrompt, PromptContext } from '../../../src/core/task.js';
import { arcChallenge, arcEasy } from '../../../src/harnesses/lm-eval/arc.js';
import type { ArcDoc } from '../../../src/harnesses/lm-eval/arc-data.js';
import { createMockServer, type MockServer, type MockTokenLogprob } from '../../../src/testing/index.js';

const data = createDatasetReader({ offline: true });
const context = (params: PromptContext['params'] = {}): PromptContext => ({ params, endpointType: 'completions', data });

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function docs(n: number): Promise<ArcDoc[]> {
  const out: ArcDoc[] = [];
  for await (const { doc } of arcChallenge.docs(data)) {
    out.push(doc);
    if (out.length === n) break;
  }
  return out;
}

function requestsOf(prompt: ModelPrompt) {
  if (prompt.kind !== 'loglikelihood') throw new Error(`expected a loglikelihood prompt, got ${prompt.kind}`);
  return prompt.requests;
}

describe('lm-eval arc_easy / arc_challenge', () => {
  it('declares the lm-eval arc tasks (log-likelihood, completions only)', () => {
    expect(arcChallenge.name).toBe('arc_challenge');
    expect(arcEasy.name).toBe('arc_easy');
    expect(arcChallenge.endpointTypes).toEqual(['completions']);
    expect(arcChallenge.requiredCapabilities).toEqual(['logprobs']);
    expect(arcChallenge.reference).toBe('EleutherAI/lm-evaluation-harness@4e7e0d47f33bc71070c1d38394bafbb52b117163 lm_eval/tasks/arc/arc_challenge.yaml');
  });

  it('reads all test questions of both subsets in file order, labels A-E or 1-5', async () => {
    let challenge = 0;
    const labels = new Set<string>();
    for await (const { doc } of arcChallenge.docs(data)) {
      challenge++;
      labels.add(doc.choices.label.join(''));
    }
    let easy = 0;
    for await (const _ of arcEasy.docs(data)) easy++;
    expect([challenge, easy]).toEqual([1172, 2376]);
    expect(labels).toContain('1234');
    expect(labels).toContain('ABCD');
  });

  it('asks one continuation per choice text after "Question: …\\nAnswer:"', async () => {
    const [doc] = await docs(1);
    const prompter = await arcChallenge.createPrompter(context());
    expect(requestsOf(prompter(doc!, 0))).toEqual([
      { context: `Question: ${doc!.question}\nAnswer:`, continuation: ' Planetary density will decrease.' },
      { context: `Question: ${doc!.question}\nAnswer:`, continuation: ' Planetary years will become longer.' },
      { context: `Question: ${doc!.question}\nAnswer:`, continuation: ' Planetary days will become shorter.' },
      { context: `Question: ${doc!.question}\nAnswer:`, continuation: ' Planetary gravity will become stronger.' },
    ]);
    expect(arcChallenge.target(doc!)).toBe('2');
  });

  it('with num_fewshot, prepends train shots as "Question: …\\nAnswer: <gold text>\\n\\n"', async () => {
    const [doc] = await docs(1);
    const prompter = await arcChallenge.createPrompter(context({ extra: { num_fewshot: 2 } }));
    const { context: ctx } = requestsOf(prompter(doc!, 0))[0]!;
    const parts = ctx.split('\n\n');
    expect(parts).toHaveLength(3);
    expect(parts[0]).toMatch(/^Question: [^\n]+\nAnswer: [^\n]+$/);
    expect(parts[2]).toBe(`Question: ${doc!.question}\nAnswer:`);
  });

  it('scores acc and acc_norm end to end against a mock that prefers the gold choice', async () => {
    const gold = await docs(8);
    // The mock scores each continuation token: -0.1 while it follows the gold choice's text, else -2.
    const goldText = new Map(gold.map((d) => [`Question: ${d.question}\nAnswer:`, d.choices.text[d.choices.label.indexOf(d.answerKey)]!]));
    const logprobs: MockTokenLogprob = (prefix, token) => {
      for (const [ctx, text] of goldText) {
        if (!prefix.startsWith(ctx)) continue;
        const sofar = prefix.slice(ctx.length) + token;
        return (' ' + text).startsWith(sofar) ? -0.1 : -2;
      }
      return -1;
    };
    server = await createMockServer({ logprobs, recordRequests: true });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-arc-'));
    const result = await evaluate(
      { type: 'arc_challenge', outputDir: dir, params: { limitSamples: 8, parallelism: 4 } },
      { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions' } },
    );
    const acc = result.tasks?.arc_challenge?.metrics.acc?.scores.acc?.value;
    expect(acc).toBe(1);
    const requests = server.requests() as Array<Record<string, unknown>>;
    expect(requests).toHaveLength(8);
    expect(requests[0]).toMatchObject({ echo: true, logprobs: 1, max_tokens: 0, temperature: 0 });
    const samples = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(samples[0].requests).toHaveLength(4);
    expect(samples[0].response[0]).toEqual({ logprob: expect.any(Number), is_greedy: expect.any(Boolean) });

    // A rerun into a fresh output dir with the same cache answers everything from the cache.
    const statsBefore = server.stats().requests;
    const again = await mkdtemp(join(tmpdir(), 'evalforge-arc-'));
    await evaluate(
      { type: 'arc_challenge', outputDir: again, params: { limitSamples: 8, parallelism: 4 } },
      { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions', adapterConfig: { interceptors: [{ name: 'caching', config: { cache_dir: join(dir, 'cache') } }, 'endpoint'] } } },
    );
    expect(server.stats().requests).toBe(statsBefore);
  });

  it('stops with a config error naming the fix when the endpoint returns no prompt logprobs', async () => {
    server = await createMockServer({ logprobs: false });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-arc-'));
    const run = evaluate(
      { type: 'arc_challenge', outputDir: dir, params: { limitSamples: 3, parallelism: 1 } },
      { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions' } },
    );
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/returned no prompt log-probabilities.*logprobs has no tokens/);
  });

  it('refuses a chat endpoint, naming the supported type', async () => {
    const run = evaluate({ type: 'arc_easy', outputDir: await mkdtemp(join(tmpdir(), 'evalforge-arc-')) }, { apiEndpoint: { url: 'http://127.0.0.1:9/v1/chat/completions', modelId: 'mock', type: 'chat' } });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/does not support endpoint type "chat"[\s\S]*completions endpoint that returns prompt log-probabilities/);
  });
});
