import type nunjucks from 'nunjucks';
import { cutAtStopSequences } from '../../harnesses/lm-eval/stop-sequences.js';
import type { DatasetRow } from '../datasets/dataset-reader.js';
import { askForVerdict, type VerdictReader } from '../judge/ask-for-verdict.js';
import { compilePythonPattern } from '../python/python-regex.js';
import { translatePythonRegex } from '../python/python-regex-translator.js';
import type { ChatMessage, SampleScore, SampleVerifier, VerifierContext } from '../task.js';
import { customTaskError } from './custom-task-errors.js';
import type { CustomTaskFile } from './custom-task-schema.js';
import { compileRowTemplate } from './row-template.js';

/** Per-sample score keys of a judged custom task. */
export const JUDGE_SCORE_KEY = 'judge_score';
export const JUDGE_UNPARSABLE_KEY = 'judge_unparsable';
/** Prefix of the per-sample key counting a captured string for `categorical_count`. */
export const JUDGE_CATEGORY_PREFIX = 'judge_category:';

/** What a judged sample knows when its judge prompt is rendered. */
export interface JudgedSample {
  /** The dataset row (its fields are the judge templates' variables). */
  row: DatasetRow;
  /** The rendered `prompt.template`: `input_query`. */
  prompt: string;
  /** The rendered `target`: `expected_answer`. */
  target: string;
}

/** What the judge's reply said: the first regex's group 1, and the score it maps to. */
export interface JudgeReading {
  capture: string | null;
  score: number | null;
}

type JudgeSpec = Pick<CustomTaskFile, 'judge_prompt' | 'judge_score_regexes' | 'judge_score_map' | 'judge_unparsable_score' | 'aggregation_functions' | 'stop'>;

/** A decimal number: sign, digits with an optional fraction (or a fraction alone), optional exponent. */
const DECIMAL = /^\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$/;

/** The judge side of a custom task file: its prompts, its reading of replies, and its verifier. */
export interface CustomJudge {
  /** The judge's messages for one response: the optional system template, then the user template. */
  messages(sample: JudgedSample, response: string): ChatMessage[];
  /**
   * Renders the judge templates over a row with an empty response, so a row missing a field they
   * use fails while the docs are read, before any request (DatasetError naming row and field).
   */
  check(sample: JudgedSample): void;
  read: VerdictReader<JudgeReading>;
  createVerifier(ctx: VerifierContext): SampleVerifier<JudgedSample>;
}

/**
 * Compiles a judged task's judge fields (templates, Python patterns: ConfigErrors naming `taskFile`
 * and the field). Templates see the row's fields plus `response` and `generated_answer` (the
 * candidate's response, cut at `stop` as for scoring), `expected_answer` (the rendered target) and
 * `input_query` (the rendered prompt), the last three as Llama Stack's llm-as-judge names them;
 * these four hide row fields of the same names.
 *
 * Reading a reply, as Llama Stack's llm-as-judge: the first of `judge_score_regexes` that
 * `re.search`es the reply gives its group 1 (a pattern without a group is refused at load). The
 * score is then `judge_score_map[capture]`, or without a map the capture read as a decimal number
 * (when `average` is wanted). No match, a group 1 that did not take part, a capture the map lacks
 * or a non-number makes the reply unparsable: it scores `judge_unparsable_score` if set, else is
 * left out of the average; `judge_unparsable` is 1 for it either way.
 */
export function compileCustomJudge(spec: JudgeSpec, env: nunjucks.Environment, taskFile: string): CustomJudge {
  const judgePrompt = spec.judge_prompt as NonNullable<JudgeSpec['judge_prompt']>;
  const renderUser = compileRowTemplate(env, judgePrompt.template, 'judge_prompt.template', taskFile);
  const renderSystem = judgePrompt.system === undefined ? undefined : compileRowTemplate(env, judgePrompt.system, 'judge_prompt.system', taskFile);
  const patterns = (spec.judge_score_regexes ?? []).map((pattern, i) => compileScorePattern(pattern, `judge_score_regexes[${i}]`, taskFile));
  const aggregations = spec.aggregation_functions ?? ['average'];
  const map = spec.judge_score_map;
  const stop = spec.stop ?? [];

  function messages(sample: JudgedSample, response: string): ChatMessage[] {
    const fields = { response, generated_answer: response, expected_answer: sample.target, input_query: sample.prompt };
    const row: DatasetRow = { ...sample.row, row: { ...sample.row.row, ...fields } };
    const user: ChatMessage = { role: 'user', content: renderUser(row) };
    return renderSystem ? [{ role: 'system', content: renderSystem(row) }, user] : [user];
  }

  const read: VerdictReader<JudgeReading> = (reply) => {
    let capture: string | null = null;
    for (const pattern of patterns) {
      const match = pattern.exec(reply);
      if (match) {
        capture = match[1] ?? null;
        break;
      }
    }
    if (capture === null) return { value: { capture, score: null }, unparsable: true };
    if (map) {
      const score = Object.hasOwn(map, capture) ? (map[capture] as number) : null;
      return { value: { capture, score }, unparsable: score === null };
    }
    if (!aggregations.includes('average')) return { value: { capture, score: null }, unparsable: false };
    const score = DECIMAL.test(capture) ? Number(capture) : null;
    return { value: { capture, score }, unparsable: score === null };
  };

  function scoresOf(reading: JudgeReading, unparsable: boolean): Record<string, number> {
    const scores: Record<string, number> = { [JUDGE_UNPARSABLE_KEY]: unparsable ? 1 : 0 };
    const score = unparsable ? spec.judge_unparsable_score : reading.score;
    if (score !== undefined && score !== null) scores[JUDGE_SCORE_KEY] = score;
    if (!unparsable && aggregations.includes('categorical_count')) scores[`${JUDGE_CATEGORY_PREFIX}${reading.capture}`] = 1;
    return scores;
  }

  return {
    messages,
    check: (sample) => void messages(sample, ''),
    read,
    createVerifier(ctx) {
      const { judge, signal } = ctx;
      if (!judge) throw new Error(`custom task ${taskFile}: the run gave the verifier no judge (the task declares one)`);
      return {
        async verify(_scored, sample, response): Promise<SampleScore> {
          const text = cutAtStopSequences(response as string, stop);
          const verdict = await askForVerdict(judge, messages(sample, text), read, signal);
          const details: Record<string, unknown> = { judge_reply: verdict.reply };
          if (verdict.asks > 1) details.judge_asks = verdict.asks;
          return { extracted: { judge: verdict.value.capture }, scores: scoresOf(verdict.value, verdict.unparsable), details };
        },
        describe: () => ({
          unparsable_judge_replies:
            spec.judge_unparsable_score === undefined ? 'left out of judge_score, counted in judge_unparsable' : `scored ${spec.judge_unparsable_score}, counted in judge_unparsable`,
        }),
        close: async () => {},
      };
    },
  };
}

function compileScorePattern(pattern: string, field: string, taskFile: string): RegExp {
  let groups: number;
  try {
    groups = translatePythonRegex(pattern).groups;
  } catch (error) {
    throw customTaskError(taskFile, field, (error as Error).message);
  }
  if (groups < 1) throw customTaskError(taskFile, field, `"${pattern}" has no group: the score is the text of group 1`, 'put the score in parentheses, e.g. "Rating: (\\\\d+)"');
  return compilePythonPattern(pattern);
}
