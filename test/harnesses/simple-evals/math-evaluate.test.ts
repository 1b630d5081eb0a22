import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../../src/api/evaluate.js';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import { simpleEvalsHarness } from '../../../src/harnesses/simple-evals/framework.js';
import { aime2025Task, mathTest500Task } from '../../../src/harnesses/simple-evals/math.js';
import { math500Docs } from '../../../src/harnesses/simple-evals/math-data.js';
import { formatMathQuestion } from '../../../src/harnesses/simple-evals/math-query-template.js';
import { createMockServer, type MockServer } from '../../../src/testing/index.js';
import { cacheAimeFixtures } from './math-aime-fixtures.js';
import { readSamples } from '../../helpers/read-samples.js';

const registry = new TaskRegistry([{ ...simpleEvalsHarness, tasks: [mathTest500Task, aime2025Task] }]);

let scratch: string;
let server: MockServer | undefined;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-math-e2e-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});


describe('simple-evals math tasks end to end against the mock endpoint', () => {
  it('runs math_test_500 and scores right, equivalent, wrong and missing answers', async () => {
    const gold: string[] = [];
    const prompts: string[] = [];
    for await (const { doc } of math500Docs(createDatasetReader({ offline: true }))) {
      gold.push(doc.answer);
      prompts.push(formatMathQuestion(doc.question));
      if (gold.length === 4) break;
    }
    // Doc 0's gold is `\left( 3, \frac{\pi}{2} \right)`; `(3,\frac{\pi}{2})` is equivalent after strip_string.
    const replies = { [prompts[0]!]: 'Converting...\nAnswer: (3,\\frac{\\pi}{2})', [prompts[1]!]: `Answer: ${gold[1]}`, [prompts[2]!]: 'Answer: 12345' };
    server = await createMockServer({ replies, defaultReply: 'I do not know.' });
    const dir = join(scratch, 'math500');
    const result = await evaluate(
      { type: 'math_test_500', outputDir: dir, params: { limitSamples: 4, parallelism: 2 } },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { registry },
    );
    const samples = (await readSamples(dir)).sort((a, b) => a.id.localeCompare(b.id));
    expect(samples.map((s) => [s.id, s.scores.score, s.extracted.answer])).toEqual([
      ['0/0', 1, '(3,\\frac{\\pi}{2})'],
      ['1/0', 1, gold[1]],
      ['2/0', 0, '12345'],
      ['3/0', 0, null],
    ]);
    for (const sample of samples) {
      expect(sample.details).toEqual({ checker: 'hendrycks_math_is_equiv' });
      expect(sample.messages).toHaveLength(1);
      expect(sample.messages[0].content).toMatch(/^Solve the following math problem step by step\./);
    }
    expect(result.groups.math_test_500?.metrics.score?.scores.micro).toMatchObject({ value: 0.5, stats: { count: 4 } });
    expect(result.tasks).toEqual({ math_test_500: { metrics: result.groups.math_test_500!.metrics } });
    const runConfig = parseYaml(await readFile(join(dir, 'run_config.yml'), 'utf8'));
    expect(runConfig.config.params).toMatchObject({ task: 'math_test_500', extra: { n_samples: 1 }, max_new_tokens: 16384 });
  });

  it('runs AIME_2025 from hub-shaped data with NeMo\'s 10 samples per problem, each with its seed', async () => {
    const cacheDir = join(scratch, 'aime-cache');
    await cacheAimeFixtures(cacheDir);
    const data = createDatasetReader({ dataDir: join(scratch, 'empty'), cacheDir, offline: true });
    const goldByQuestion = new Map<string, string>();
    for await (const { doc } of aime2025Task.docs(data)) goldByQuestion.set(formatMathQuestion(doc.question), doc.answer);
    // Right for seeds 0-3 of each problem's repeats 0-9.
    server = await createMockServer({
      replies: ({ prompt, body }) => ((body as { seed?: number }).seed! < 4 ? `Answer: ${goldByQuestion.get(prompt)}` : 'Answer: 0'),
    });
    const dir = join(scratch, 'aime2025');
    const result = await evaluate(
      { type: 'AIME_2025', outputDir: dir, params: { parallelism: 4 } },
      { apiEndpoint: { url: server.chatUrl, modelId: 'mock', type: 'chat' } },
      { registry, data: createDatasetReader({ dataDir: join(scratch, 'empty'), cacheDir, offline: true }) },
    );
    const samples = await readSamples(dir);
    expect(samples).toHaveLength(30);
    expect(new Set(samples.map((s) => s.id))).toEqual(new Set([0, 1, 2].flatMap((doc) => Array.from({ length: 10 }, (_, r) => `${doc}/${r}`))));
    expect(result.groups.AIME_2025?.metrics.score?.scores.micro).toMatchObject({ value: 0.4, stats: { count: 30 } });
    const resultsFile = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    expect(resultsFile.evalforge.datasets.map((d: { source: string }) => d.source)).toEqual(['hub:opencompass/AIME2025@main/aime2025-I.jsonl', 'hub:opencompass/AIME2025@main/aime2025-II.jsonl']);
  });

  it('refuses a completions endpoint', async () => {
    await expect(
      evaluate(
        { type: 'AIME_2025', outputDir: join(scratch, 'refused') },
        { apiEndpoint: { url: 'http://127.0.0.1:9/v1/completions', modelId: 'mock', type: 'completions' } },
        { registry },
      ),
    ).rejects.toThrow(ConfigError);
  });
});
