import { describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { TaskDoc } from '../../../src/core/task.js';
import { humaneval, humanEvalCandidate, HUMANEVAL_STOP_WORDS } from '../../../src/harnesses/bigcode/humaneval.js';
import type { HumanEvalDoc } from '../../../src/harnesses/bigcode/humaneval-data.js';
import { referenceFixture } from './reference-fixture.js';

// Real data from EVALFORGE_DATA_DIR (set by vitest.config.ts); never downloads.
const data = createDatasetReader({ offline: true });

async function allDocs(): Promise<Array<TaskDoc<HumanEvalDoc>>> {
  const docs: Array<TaskDoc<HumanEvalDoc>> = [];
  for await (const item of humaneval.docs(data)) docs.push(item);
  return docs;
}

describe('bigcode humaneval', () => {
  it('declares NeMo\'s humaneval task', () => {
    expect(humaneval).toMatchObject({ name: 'humaneval', harness: 'bigcode-evaluation-harness', endpointTypes: ['completions'] });
    expect(humaneval.defaults).toEqual({ maxNewTokens: 1024, extra: { do_sample: true, n_samples: 20 } });
    expect(humaneval.samplesPerDoc?.({ extra: { n_samples: 20 } })).toBe(20);
    expect(humaneval.samplesPerDoc?.({})).toBe(1);
    expect(() => humaneval.samplesPerDoc?.({ extra: { n_samples: 0 } })).toThrow(/config\.params\.extra\.n_samples/);
    expect(HUMANEVAL_STOP_WORDS).toEqual(['\nclass', '\ndef', '\n#', '\n@', '\nprint', '\nif', '\n```', '<file_sep>']);
  });

  it('streams the 164 problems with their task ids, each its own subset', async () => {
    const docs = await allDocs();
    expect(docs).toHaveLength(164);
    expect(docs[0]).toMatchObject({ id: 'HumanEval/0', subsets: ['HumanEval/0'] });
    expect(docs.at(-1)?.id).toBe('HumanEval/163');
  });

  it('builds the prompt, the reference and the candidate exactly as bigcode does on real rows', async () => {
    const docs = new Map((await allDocs()).map((item) => [item.id, item.doc]));
    const prompter = await humaneval.createPrompter({ params: {}, endpointType: 'completions', data });
    let cases = 0;
    for (const row of referenceFixture.humaneval) {
      const doc = docs.get(String(row.task_id)) as HumanEvalDoc;
      expect(prompter(doc, 0)).toEqual({ kind: 'completions', prompt: row.prompt, stop: [...HUMANEVAL_STOP_WORDS] });
      expect(humaneval.target(doc)).toBe(row.reference);
      for (const { completion, candidate } of row.cases) {
        expect(humanEvalCandidate(completion, doc), `${row.task_id} ${JSON.stringify(completion)}`).toBe(candidate);
        expect(humaneval.score(completion, doc)).toEqual({ extracted: { code: candidate }, scores: {} });
        cases++;
      }
    }
    expect(cases).toBe(72);
  });
});
