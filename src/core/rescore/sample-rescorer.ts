import type { ResolvedRun } from '../config/resolve-run.js';
import { resolveJudge } from '../judge/judge-config.js';
import type { SampleRecord } from '../results/sample-log.js';
import { judgeWanted } from '../run-evaluation.js';
import type { ModelResponse, SampleScore, SampleVerifier } from '../task.js';
import { recordedModelResponse } from './recorded-response.js';
import { JudgeReplayExhausted, replayJudge } from './replay-judge.js';

/** A sample's new score, or why its recorded one stands. */
export type SampleOutcome = { rescored: SampleScore } | { kept: string };

export interface SampleRescorer {
  /** Scores `record` again for `doc` with the current scorer (and verifier), without any model call. */
  rescore(record: SampleRecord, doc: unknown): Promise<SampleOutcome>;
  /** The verifier's account of how samples were checked, for results.yml `evalforge.scoring`. */
  describe(): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

const UNREPLAYABLE = 'the judge replies are not recorded as one details.judge_reply, so they cannot be replayed';

/** Whether the pure scorer's extraction, which the judge is shown, still matches the recorded one. */
function sameJudgeInput(scored: SampleScore, record: SampleRecord): boolean {
  return Object.entries(scored.extracted).every(([key, value]) => (record.extracted?.[key] ?? null) === value);
}

/**
 * How the run's samples are scored again, per kind of task:
 * - pure scorers: `task.score(response, doc)`;
 * - a verifier without a judge (code execution; MATH's rule-based checker): the verifier runs again
 *   (code tasks re-run the sandbox);
 * - a judged task: its verifier gets a judge that replays the sample's recorded `details.judge_reply`
 *   (replayJudge), so a fixed verdict reader re-reads the reply the judge gave. The recorded score is
 *   kept, with the reason, when the judge's input changed (the extraction it is shown differs), when
 *   the sample needed re-asks (`judge_asks` > 1: only the last reply is recorded), when the replies
 *   are recorded otherwise (e.g. one per turn), or when the reply no longer reads and the run would
 *   have asked the judge again.
 */
export async function createSampleRescorer(run: ResolvedRun): Promise<SampleRescorer> {
  const { task, config } = run;
  const judged = judgeWanted(run);
  const reaskUnparsable = judged ? resolveJudge(task.judge ?? {}, run.target.judge, config.params.extra?.judge).reaskUnparsable : 0;
  const runVerifier: SampleVerifier<unknown> | undefined = judged ? undefined : await task.createVerifier?.({ params: config.params });

  async function judgeAgain(record: SampleRecord, scored: SampleScore, doc: unknown, response: ModelResponse): Promise<SampleOutcome> {
    const details = record.details ?? {};
    const reply = details.judge_reply;
    if (typeof reply !== 'string' || Object.keys(details).some((key) => key.startsWith('judge_reply_'))) return { kept: UNREPLAYABLE };
    if (typeof details.judge_asks === 'number' && details.judge_asks > 1) return { kept: 'the judge was asked more than once and only its last reply is recorded' };
    if (!sameJudgeInput(scored, record)) return { kept: 'the answer the judge is shown changed (extraction differs): only a new judge call can score it' };
    const verifier = await task.createVerifier!({ params: config.params, judge: replayJudge(reply, reaskUnparsable) });
    try {
      return { rescored: await verifier.verify(scored, doc, response) };
    } catch (error) {
      if (error instanceof JudgeReplayExhausted) return { kept: 'the recorded judge reply no longer holds a readable verdict and the run would ask the judge again' };
      throw error;
    } finally {
      await verifier.close();
    }
  }

  return {
    async rescore(record, doc) {
      const response = recordedModelResponse(record.response);
      if (response === undefined) return { kept: 'the sample has no recorded response' };
      const scored = task.score(response, doc);
      if (judged && task.createVerifier) return judgeAgain(record, scored, doc, response);
      return { rescored: runVerifier ? await runVerifier.verify(scored, doc, response) : scored };
    },
    describe: () => runVerifier?.describe(),
    close: async () => {
      await runVerifier?.close();
    },
  };
}
