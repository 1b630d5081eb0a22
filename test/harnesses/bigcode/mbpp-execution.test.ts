/**
 * MBPP's 500 reference solutions as completions, through mbpp-completions' post-processing and the
 * sandbox. bigcode's own pipeline and executor (bigcode-evaluation-harness@8fc5bae6,
 * `compute_code_eval`, timeout 3 s) fail exactly three: 342 (its leading `class` is cut off by the
 * `\nclass` stop word: "failed: name 'find_minimum_range' is not defined"), 367 (its tests need the
 * `test_setup_code` bigcode does not run: "failed: name 'root' is not defined") and 123 (timed out at
 * 3 s on the reference host; close to the limit, so its verdict here depends on the machine and is
 * not asserted).
 */
import { describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { SampleVerifier } from '../../../src/core/task.js';
import type { MbppDoc } from '../../../src/harnesses/bigcode/mbpp-data.js';
import { mbppCompletions } from '../../../src/harnesses/bigcode/mbpp.js';

describe('mbpp-completions on the sandbox', () => {
  it('gives bigcode\'s verdicts for the 500 reference solutions', async () => {
    const docs: MbppDoc[] = [];
    for await (const { doc } of mbppCompletions.docs(createDatasetReader({ offline: true }))) docs.push(doc);
    const verifier = (await mbppCompletions.createVerifier?.({ params: {} })) as SampleVerifier<MbppDoc>;
    try {
      const verdicts = await Promise.all(
        docs.map(async (doc) => ({ taskId: doc.taskId, ...(await verifier.verify(mbppCompletions.score(doc.code, doc), doc, doc.code)) })),
      );
      const failed = verdicts.filter((v) => v.scores.passed !== 1 && v.taskId !== 123);
      expect(failed.map((v) => [v.taskId, v.details?.result])).toEqual([
        [342, "failed: name 'find_minimum_range' is not defined"],
        [367, "failed: name 'root' is not defined"],
      ]);
    } finally {
      await verifier.close();
    }
  }, 120_000);
});
