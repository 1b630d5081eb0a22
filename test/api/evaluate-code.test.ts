import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../src/api/evaluate.js';
import { createDatasetReader } from '../../src/core/datasets/create-dataset-reader.js';
import { pythonStrip } from '../../src/core/python/python-strip.js';
import { humanEvalDocs } from '../../src/harnesses/bigcode/humaneval-data.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

const PROBLEMS = 30;

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The stripped HumanEval prompt (what bigcode sends) → the canonical body, as a model would continue it. */
const canonicalReplies = new Map<string, string>();
beforeAll(async () => {
  for await (const { doc } of humanEvalDocs(createDatasetReader({ offline: true }))) canonicalReplies.set(pythonStrip(doc.prompt), `\n${doc.canonicalSolution}`);
});

async function runHumanEval(reply: (prompt: string) => string) {
  server = await createMockServer({ replies: (req) => reply(req.prompt), recordRequests: true });
  const dir = await mkdtemp(join(tmpdir(), 'evalforge-code-'));
  const result = await evaluate(
    { type: 'bigcode-evaluation-harness.humaneval', outputDir: dir, params: { limitSamples: PROBLEMS, extra: { n_samples: 2 } } },
    { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions' } },
  );
  const samples = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  return { result, samples, dir, requests: server.requests() as Array<Record<string, unknown>> };
}

describe('evaluate() humaneval end to end, code run in the sandbox', () => {
  it('scores pass@1 = 1 when every completion is the canonical solution', async () => {
    const { result, samples, dir, requests } = await runHumanEval((prompt) => canonicalReplies.get(prompt) ?? 'no such prompt');
    expect(result.tasks.humaneval?.metrics['pass@1']?.scores['pass@1']).toMatchObject({ value: 1, stats: { count: PROBLEMS } });
    // n_samples 2 gives no pass@10.
    expect(Object.keys(result.tasks.humaneval?.metrics ?? {})).toEqual(['pass@1']);
    expect(samples).toHaveLength(PROBLEMS * 2);
    expect(new Set(samples.map((s) => s.id)).has('HumanEval/0/1')).toBe(true);
    expect(samples.every((s) => s.scores.passed === 1 && s.details.status === 'passed')).toBe(true);

    // Each repeat is its own request, told apart by its seed; the reference stop words are sent.
    expect(requests).toHaveLength(PROBLEMS * 2);
    expect(requests.map((body) => body.seed).sort()).toEqual([...Array(PROBLEMS).fill(0), ...Array(PROBLEMS).fill(1)]);
    expect(requests[0]).toMatchObject({ temperature: 0.1, top_p: 0.95, max_tokens: 1024, stop: ['\nclass', '\ndef', '\n#', '\n@', '\nprint', '\nif', '\n```', '<file_sep>'] });

    const resultsFile = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    expect(resultsFile.evalforge.scoring.sandbox).toMatchObject({ isolation: expect.stringMatching(/^(full|degraded|none)$/), timeout_seconds: 3 });
    expect(result.evalforge.scoring).toEqual(resultsFile.evalforge.scoring);
    expect(resultsFile.config.params).toMatchObject({ task: 'humaneval', extra: { n_samples: 2, do_sample: true } });
    expect(resultsFile.framework_name).toBe('bigcode-evaluation-harness');
  });

  it('scores pass@1 = 0 when every completion is wrong', async () => {
    const { result, samples } = await runHumanEval(() => '\n    return None\n');
    expect(result.tasks.humaneval?.metrics['pass@1']?.scores['pass@1']?.value).toBe(0);
    expect(samples.every((s) => s.scores.passed === 0 && s.details.status === 'failed')).toBe(true);
  });
});
