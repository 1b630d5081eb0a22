import { describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import type { DatasetReader } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import type { TaskDoc } from '../../../src/core/task.js';
import { MBPP_FULL, mbppDocs, mbppPrompt, type MbppDoc } from '../../../src/harnesses/bigcode/mbpp-data.js';
import { mbppCandidate, mbppChat, mbppChatCandidate, mbppCompletions, MBPP_STOP_WORDS } from '../../../src/harnesses/bigcode/mbpp.js';
import { referenceFixture } from './reference-fixture.js';

// Real data from EVALFORGE_DATA_DIR (set by vitest.config.ts); never downloads.
const data = createDatasetReader({ offline: true });

async function allDocs(reader: DatasetReader = data): Promise<Array<TaskDoc<MbppDoc>>> {
  const docs: Array<TaskDoc<MbppDoc>> = [];
  for await (const item of mbppDocs(reader)) docs.push(item);
  return docs;
}

const doc: MbppDoc = { taskId: 1, text: 'Write a function f.', code: 'def f(x):\n    return x', testList: ['assert f(1) == 1', 'assert f(2) == 2', 'assert f(3) == 3'] };
const prompt = '"""\nWrite a function f.\nassert f(1) == 1\n"""\n';

describe('bigcode mbpp', () => {
  it('declares NeMo\'s mbpp-completions and mbpp-chat, both bigcode task mbpp', () => {
    expect(mbppCompletions).toMatchObject({ name: 'mbpp-completions', endpointTypes: ['completions'] });
    expect(mbppChat).toMatchObject({ name: 'mbpp-chat', endpointTypes: ['chat'] });
    for (const task of [mbppCompletions, mbppChat]) {
      expect(task.harness).toBe('bigcode-evaluation-harness');
      expect(task.defaults).toEqual({ task: 'mbpp', maxNewTokens: 2048, extra: { do_sample: true, n_samples: 10 } });
    }
    expect(MBPP_STOP_WORDS).toEqual(['\nclass', '\nassert', '\n"""', '\nprint', '\nif', '\n<|/', '\n```']);
  });

  it('streams the 500 test problems (task ids 11–510) in file order', async () => {
    const docs = await allDocs();
    expect(docs).toHaveLength(500);
    expect(docs[0]).toMatchObject({ id: '11', subsets: ['11'] });
    expect(docs.at(-1)?.id).toBe('510');
  });

  it('refuses a file without the 500 test problems, as bigcode asserts', async () => {
    const short: DatasetReader = {
      async *rows() {
        yield { row: { task_id: 11, text: 't', code: 'c', test_list: ['assert True'] }, rowNumber: 1, location: 'short.jsonl' };
      },
      provenance: () => [],
    };
    await expect(allDocs(short)).rejects.toThrow(DatasetError);
    await expect(allDocs(short)).rejects.toThrow(/found 1 MBPP test problems.*expected 500/);
    expect(MBPP_FULL.local.path).toBe('mbpp/mbpp.jsonl');
  });

  it('builds the prompt, the reference and the completions candidate exactly as bigcode does on real rows', async () => {
    const docs = new Map((await allDocs()).map((item) => [item.id, item.doc]));
    const prompter = await mbppCompletions.createPrompter({ params: {}, endpointType: 'completions', data });
    let cases = 0;
    for (const row of referenceFixture.mbpp) {
      const real = docs.get(String(row.task_id)) as MbppDoc;
      expect(prompter(real, 0)).toEqual({ kind: 'completions', prompt: row.prompt, stop: [...MBPP_STOP_WORDS] });
      expect(mbppCompletions.target(real)).toBe(row.reference);
      for (const { completion, candidate } of row.cases) {
        expect(mbppCandidate(completion, real), `${row.task_id} ${JSON.stringify(completion)}`).toBe(candidate);
        cases++;
      }
    }
    expect(cases).toBe(42);
  });

  it('sends the same prompt as the one user message to a chat endpoint, without stop sequences', async () => {
    const prompter = await mbppChat.createPrompter({ params: {}, endpointType: 'chat', data });
    expect(mbppPrompt(doc)).toBe(prompt);
    expect(prompter(doc, 0)).toEqual({ kind: 'chat', messages: [{ role: 'user', content: prompt }] });
  });

  it('reads the code of a chat reply from its first code block, cut at the stop words', () => {
    const code = 'def f(x):\n    return x';
    expect(mbppChatCandidate(`Here you go:\n\`\`\`python\n${code}\n\`\`\`\nIt returns x.`, doc)).toBe(`${prompt}\n${code}`);
    expect(mbppChatCandidate(`\`\`\`\n${code}\n\`\`\``, doc)).toBe(`${prompt}\n${code}`);
    expect(mbppChatCandidate(`\`\`\`python\n${code}\n\nassert f(1) == 1\n\`\`\``, doc)).toBe(`${prompt}\n${code}\n`);
    expect(mbppChatCandidate(`${code}\n\nprint(f(2))`, doc)).toBe(`${prompt}${code}\n`);
    expect(mbppChat.score('no code', doc)).toEqual({ extracted: { code: `${prompt}no code` }, scores: {} });
  });
});
