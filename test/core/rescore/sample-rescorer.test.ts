import { describe, expect, it } from 'vitest';
import type { ResolvedRun } from '../../../src/core/config/resolve-run.js';
import { askForVerdict } from '../../../src/core/judge/ask-for-verdict.js';
import type { SampleRecord } from '../../../src/core/results/sample-log.js';
import { createSampleRescorer } from '../../../src/core/rescore/sample-rescorer.js';
import type { TaskDefinition } from '../../../src/core/task.js';

/** A task whose pure scorer extracts the trimmed reply and whose judge says "yes" or "no" about it. */
const judgedTask: TaskDefinition<string> = {
  name: 'judged',
  harness: 'test',
  description: '',
  version: '1',
  reference: '',
  endpointTypes: ['chat'],
  defaults: {},
  docs: async function* () {},
  createPrompter: async () => (doc) => ({ kind: 'chat', messages: [{ role: 'user', content: doc }] }),
  target: (doc) => doc,
  score: (response) => ({ extracted: { answer: response.trim() }, scores: {} }),
  judge: {},
  createVerifier: async ({ judge, signal }) => ({
    async verify(scored) {
      const verdict = await askForVerdict(judge!, [{ role: 'user', content: String(scored.extracted.answer) }], (reply) => ({ value: reply === 'yes', unparsable: reply !== 'yes' && reply !== 'no' }), signal);
      return { extracted: scored.extracted, scores: { ok: verdict.value ? 1 : 0 }, details: { judge_reply: verdict.reply } };
    },
    describe: () => ({}),
    close: async () => {},
  }),
  report: () => ({ tasks: {}, groups: {} }),
};

function runOf(task: TaskDefinition<any, any>, judge: Record<string, unknown> | undefined = { url: 'http://127.0.0.1:9/v1/chat/completions', model_id: 'j' }): ResolvedRun {
  return {
    harness: { name: 'test', pkgName: 'test', description: '', defaults: {}, tasks: [task] },
    task,
    config: { type: task.name, outputDir: '/nowhere', params: judge ? { extra: { judge } } : {} },
    target: { apiEndpoint: { url: 'http://127.0.0.1:9/v1/chat/completions', modelId: 'm', type: 'chat' } },
  };
}

const record = (fields: Partial<SampleRecord>): SampleRecord => ({ id: 'x', index: 0, target: 'x', scores: { ok: 0 }, latency_ms: 1, response: ' 42 ', extracted: { answer: '42' }, ...fields });

describe('createSampleRescorer', () => {
  it('replays the recorded judge reply through the task verifier', async () => {
    const rescorer = await createSampleRescorer(runOf(judgedTask));
    expect(await rescorer.rescore(record({ details: { judge_reply: 'yes' } }), 'doc')).toEqual({
      rescored: { extracted: { answer: '42' }, scores: { ok: 1 }, details: { judge_reply: 'yes' } },
    });
  });

  it('keeps the recorded score when the judge would see another answer, replies are per turn, re-asks happened, or there is no response', async () => {
    const rescorer = await createSampleRescorer(runOf(judgedTask));
    const kept = async (fields: Partial<SampleRecord>) => ((await rescorer.rescore(record(fields), 'doc')) as { kept: string }).kept;
    expect(await kept({ details: { judge_reply: 'yes' }, extracted: { answer: '41' } })).toMatch(/extraction differs/);
    expect(await kept({ details: { judge_reply_turn_1: 'yes', judge_reply_turn_2: 'no' } })).toMatch(/cannot be replayed/);
    expect(await kept({ details: { judge_reply: 'yes', judge_asks: 3 } })).toMatch(/asked more than once/);
    expect(await kept({ response: undefined })).toMatch(/no recorded response/);
  });

  it('reads an unreadable reply as the task does when the run had no re-asks, and keeps it when it had', async () => {
    const once = await createSampleRescorer(runOf(judgedTask));
    expect(await once.rescore(record({ details: { judge_reply: 'maybe' } }), 'doc')).toMatchObject({ rescored: { scores: { ok: 0 } } });
    const reasking = await createSampleRescorer(runOf(judgedTask, { url: 'http://127.0.0.1:9/v1/chat/completions', model_id: 'j', reask_unparsable: 2 }));
    expect(await reasking.rescore(record({ details: { judge_reply: 'maybe' } }), 'doc')).toEqual({ kept: expect.stringMatching(/would ask the judge again/) });
  });

  it('runs a task verifier without a judge (as code tasks do) and a pure scorer alone otherwise', async () => {
    let closed = false;
    const verified: TaskDefinition<string> = {
      ...judgedTask,
      judge: undefined,
      createVerifier: async () => ({
        verify: async (scored) => ({ ...scored, scores: { ok: scored.extracted.answer === '42' ? 1 : 0 } }),
        describe: () => ({ sandbox: 'test' }),
        close: async () => {
          closed = true;
        },
      }),
    };
    const rescorer = await createSampleRescorer(runOf(verified, undefined));
    expect(await rescorer.rescore(record({}), 'doc')).toEqual({ rescored: { extracted: { answer: '42' }, scores: { ok: 1 } } });
    expect(rescorer.describe()).toEqual({ sandbox: 'test' });
    await rescorer.close();
    expect(closed).toBe(true);
    const pure = await createSampleRescorer(runOf({ ...judgedTask, judge: undefined, createVerifier: undefined }, undefined));
    expect(await pure.rescore(record({}), 'doc')).toEqual({ rescored: { extracted: { answer: '42' }, scores: {} } });
    expect(pure.describe()).toBeUndefined();
  });

  it('scores with the rule-based checker when a judge is optional and the run configured none', async () => {
    const optional: TaskDefinition<string> = { ...judgedTask, judgeOptional: true, createVerifier: async () => ({ verify: async (s) => s, describe: () => ({ checker: 'rules' }), close: async () => {} }) };
    const rescorer = await createSampleRescorer(runOf(optional, undefined));
    expect(await rescorer.rescore(record({ details: { judge_reply: 'yes' } }), 'doc')).toEqual({ rescored: { extracted: { answer: '42' }, scores: {} } });
  });
});
