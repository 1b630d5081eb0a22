import { askForVerdict } from '../../core/judge/ask-for-verdict.js';
import type { ModelResponse, SampleScore, SampleVerifier, TaskDefinition, VerifierContext } from '../../core/task.js';
import { mtbenchDocs, type MtbenchDoc } from './mtbench-data.js';
import { mtbenchJudgment, type MtbenchTurn } from './mtbench-judge-messages.js';
import { readMtbenchRating } from './mtbench-rating.js';
import { reportMtbench, TURN_RATING_KEYS, TURN_UNPARSABLE_KEYS } from './mtbench-report.js';

const TASK = 'mtbench';

/** The rating as the verdict, so the captured text travels with it. */
const readRating = (reply: string) => {
  const rating = readMtbenchRating(reply);
  return { value: rating, unparsable: rating.unparsable };
};

/** The candidate's two answers, as a multi-turn prompt's response holds them. */
function answersOf(response: ModelResponse): readonly [string, string] {
  if (!Array.isArray(response) || response.length !== 2 || !response.every((answer) => typeof answer === 'string')) {
    throw new Error('mtbench: expected the two answers of a multi-turn prompt as the response');
  }
  return [response[0] as string, response[1] as string];
}

function createMtbenchVerifier(ctx: VerifierContext): SampleVerifier<MtbenchDoc> {
  const { judge, signal } = ctx;
  if (!judge) throw new Error('mtbench: the run gave the verifier no judge (the task declares one)');

  const judgeTurn = async (doc: MtbenchDoc, answers: readonly [string, string], turn: MtbenchTurn) => {
    const { prompt, messages } = mtbenchJudgment(doc, answers, turn);
    return { ...(await askForVerdict(judge, messages, readRating, signal)), prompt: prompt.name };
  };

  return {
    async verify(_scored: SampleScore, doc: MtbenchDoc, response: ModelResponse): Promise<SampleScore> {
      const answers = answersOf(response);
      const verdicts = await Promise.all([judgeTurn(doc, answers, 1), judgeTurn(doc, answers, 2)]);
      const scores: Record<string, number> = {};
      const extracted: Record<string, string | null> = {};
      const details: Record<string, unknown> = { judge_prompts: verdicts.map((v) => v.prompt) };
      verdicts.forEach((verdict, i) => {
        if (!verdict.unparsable) scores[TURN_RATING_KEYS[i] as string] = verdict.value.value;
        scores[TURN_UNPARSABLE_KEYS[i] as string] = verdict.unparsable ? 1 : 0;
        extracted[`rating_turn_${i + 1}`] = verdict.value.text;
        details[`judge_reply_turn_${i + 1}`] = verdict.reply;
        if (verdict.asks > 1) details[`judge_asks_turn_${i + 1}`] = verdict.asks;
      });
      return { extracted, scores, details };
    },
    describe: () => ({ unparsable_judge_replies: 'rated -1 and left out of the means, as FastChat show_result.py; counted in judge_unparsable' }),
    close: async () => {},
  };
}

/**
 * MT-Bench single-answer grading as lm-sys/FastChat `fastchat/llm_judge` runs it (`gen_judgment.py
 * --mode single`, `show_result.py`), with NeMo's mtbench settings. Each question is asked as a
 * two-turn conversation (no system message: NeMo's fork is not public, and FastChat's is chosen by
 * model name) and judged twice: turn 1, and turn 2 with the whole dialogue, with FastChat's
 * `single-*` prompts (the `math` ones, with gpt-4's reference answers, for math, reasoning and
 * coding). The judge comes from `config.params.extra.judge` or `target.judge`; its defaults are
 * NeMo's (`model_id` gpt-4, temperature 0, top_p 0.0001, max_tokens 2048, timeout 60 s, 16
 * retries, one request at a time).
 */
export const mtbenchTask: TaskDefinition<MtbenchDoc, readonly string[]> = {
  name: TASK,
  harness: 'mtbench',
  description: 'MT-Bench (80 two-turn questions, 8 categories), each turn rated 1-10 by a judge model as FastChat single-answer grading',
  version: '1',
  reference: 'lm-sys/FastChat@0e6d3e4beaab66f4d3f93db72541a4abab8af28d fastchat/llm_judge (common.py, gen_judgment.py --mode single, show_result.py, data/judge_prompts.jsonl)',
  endpointTypes: ['chat'],
  defaults: {},
  judge: { model_id: 'gpt-4', request_timeout: 60, max_retries: 16, temperature: 0, top_p: 0.0001, max_tokens: 2048, parallelism: 1 },
  docs: mtbenchDocs,
  createPrompter: async () => (doc) => ({ kind: 'multi-turn', messages: [], turns: doc.turns }),
  target: (doc) => (doc.reference ? JSON.stringify(doc.reference) : ''),
  // The ratings need the judge: the verifier fills in the scores.
  score: () => ({ extracted: {}, scores: {} }),
  createVerifier: async (ctx) => createMtbenchVerifier(ctx),
  report: (totals) => reportMtbench(TASK, totals),
};

/** `mt_bench`, FastChat's bench name, as another name for the same task. */
export const mtBenchAliasTask: TaskDefinition<MtbenchDoc, readonly string[]> = {
  ...mtbenchTask,
  name: 'mt_bench',
  description: `${mtbenchTask.description} (alias of mtbench)`,
  report: (totals) => reportMtbench('mt_bench', totals),
};
