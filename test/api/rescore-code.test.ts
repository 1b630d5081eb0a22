import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { evaluate } from '../../src/api/evaluate.js';
import { rescore } from '../../src/api/rescore.js';
import { createDatasetReader } from '../../src/core/datasets/create-dataset-reader.js';
import { pythonStrip } from '../../src/core/python/python-strip.js';
import { humanEvalDocs } from '../../src/harnesses/bigcode/humaneval-data.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

const PROBLEMS = 4;
let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The stripped HumanEval prompt → the canonical body, as a model would continue it. */
const canonicalReplies = new Map<string, string>();
beforeAll(async () => {
  for await (const { doc } of humanEvalDocs(createDatasetReader({ offline: true }))) canonicalReplies.set(pythonStrip(doc.prompt), `\n${doc.canonicalSolution}`);
});

describe('rescore() of a code task', () => {
  it('runs every program again in the sandbox, with the model endpoint gone', async () => {
    server = await createMockServer({ replies: (req) => canonicalReplies.get(req.prompt) ?? 'no such prompt' });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-rescore-code-'));
    await evaluate(
      { type: 'bigcode-evaluation-harness.humaneval', outputDir: dir, params: { limitSamples: PROBLEMS, extra: { n_samples: 2 } } },
      { apiEndpoint: { url: server.completionsUrl, modelId: 'mock', type: 'completions' } },
    );
    await server.close();
    server = undefined;
    const lines = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(PROBLEMS * 2);
    // As if a broken sandbox had failed every program.
    await writeFile(join(dir, 'samples.jsonl'), lines.map((l) => `${JSON.stringify({ ...l, scores: { passed: 0 }, details: { status: 'failed' } })}\n`).join(''));
    const broken = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    broken.results.tasks.humaneval.metrics['pass@1'].scores['pass@1'].value = 0;
    await writeFile(join(dir, 'results.yml'), stringify(broken));

    const outcome = await rescore(dir);
    expect(outcome.samples).toEqual({ scored: PROBLEMS * 2, rescored: PROBLEMS * 2, changed: PROBLEMS * 2, kept: 0, errors: 0 });
    expect(outcome.metrics).toEqual([{ metric: 'passed', before: 0, after: 1, changed: PROBLEMS * 2, up: lines.map((l) => l.id), down: [] }]);
    expect(outcome.reported).toContainEqual({ score: 'tasks.humaneval.pass@1.pass@1', before: 0, after: 1 });
    const rescored = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(rescored.every((s) => s.scores.passed === 1 && s.details.status === 'passed')).toBe(true);
    const results = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    expect(results.evalforge.scoring.sandbox).toMatchObject({ timeout_seconds: 3 });
  });
});
