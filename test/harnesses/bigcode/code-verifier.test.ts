/**
 * The code tasks' verifier on the real sandbox of this host. bigcode's own executor
 * (`compute_code_eval`, bigcode-evaluation-harness@8fc5bae6) gives the same verdicts: all 164
 * canonical HumanEval solutions pass and all 164 `return None` bodies fail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import type { SampleVerifier, VerifierContext } from '../../../src/core/task.js';
import { createCodeVerifier } from '../../../src/harnesses/bigcode/code-verifier.js';
import { humaneval } from '../../../src/harnesses/bigcode/humaneval.js';
import type { HumanEvalDoc } from '../../../src/harnesses/bigcode/humaneval-data.js';

const context: VerifierContext = { params: {} };
const docs: HumanEvalDoc[] = [];

beforeAll(async () => {
  for await (const { doc } of humaneval.docs(createDatasetReader({ offline: true }))) docs.push(doc);
});

/** Verifies `completion(doc)` for every problem; the `passed` score and sandbox status of each. */
async function verifyAll(verifier: SampleVerifier<HumanEvalDoc>, completion: (doc: HumanEvalDoc) => string) {
  return Promise.all(
    docs.map(async (doc) => {
      const response = completion(doc);
      const scored = await verifier.verify(humaneval.score(response, doc), doc, response);
      return { task: doc.taskId, passed: scored.scores.passed, details: scored.details as Record<string, unknown> };
    }),
  );
}

describe('code verifier on the sandbox', () => {
  it('passes all 164 canonical HumanEval solutions and fails all 164 `return None` bodies', async () => {
    const verifier = (await humaneval.createVerifier?.(context)) as SampleVerifier<HumanEvalDoc>;
    try {
      expect(docs).toHaveLength(164);
      const canonical = await verifyAll(verifier, (doc) => `\n${doc.canonicalSolution}`);
      expect(canonical.filter((r) => r.passed !== 1)).toEqual([]);
      expect(canonical[0]?.details).toMatchObject({ status: 'passed', result: 'passed', stderr: '' });
      const wrong = await verifyAll(verifier, () => '\n    return None\n');
      expect(wrong.filter((r) => r.passed !== 0)).toEqual([]);
      expect(wrong.every((r) => r.details.status === 'failed' && String(r.details.result).startsWith('failed: '))).toBe(true);
      expect(verifier.describe()).toMatchObject({ sandbox: { isolation: expect.stringMatching(/^(full|degraded|none)$/), timeout_seconds: 3 } });
    } finally {
      await verifier.close();
    }
  });

  it('records syntax errors, exceptions and timeouts with the reference result string and stderr', async () => {
    const verifier = await createCodeVerifier<null>(context, { timeoutSeconds: 1, program: (candidate) => candidate });
    try {
      const verify = (code: string) => verifier.verify({ extracted: { code }, scores: {} }, null, code);
      const syntax = await verify('def f(:\n    pass');
      expect(syntax.scores).toEqual({ passed: 0 });
      expect(syntax.details).toMatchObject({ status: 'failed', result: expect.stringMatching(/^failed: invalid syntax/) });
      const raised = await verify('raise ValueError("boom")');
      expect(raised.details).toMatchObject({ status: 'failed', result: 'failed: boom', stderr: expect.stringContaining('ValueError: boom') });
      const assertion = await verify('assert 1 == 2');
      expect(assertion.details).toMatchObject({ status: 'failed', result: 'failed: ' });
      const loop = await verify('while True:\n    pass');
      expect(loop.scores).toEqual({ passed: 0 });
      expect(loop.details).toMatchObject({ status: 'timeout', result: 'timed out' });
    } finally {
      await verifier.close();
    }
  });

  it('refuses a non-boolean allow_unsafe_code_execution', async () => {
    const bad = { ...context, params: { extra: { allow_unsafe_code_execution: 'yes' } } };
    await expect(createCodeVerifier(bad, { timeoutSeconds: 1, program: (c) => c })).rejects.toThrow(ConfigError);
    await expect(createCodeVerifier(bad, { timeoutSeconds: 1, program: (c) => c })).rejects.toThrow(/config\.params\.extra\.allow_unsafe_code_execution/);
  });
});
