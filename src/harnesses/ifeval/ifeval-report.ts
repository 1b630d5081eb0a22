import type { EvaluationResult } from '../../core/config/schema.js';
import { sampleValues } from '../../core/results/bootstrap-score.js';
import { bootstrapStderrs } from '../../core/stats/bootstrap.js';
import type { MetricStats, MetricTotals } from '../../core/task.js';
import { lmEvalTaskReport } from '../lm-eval/report.js';

/** Per-sample score keys: lm-eval's prompt-level metrics, and instruction counts for the micro means. */
export const IFEVAL_SCORE_KEYS = {
  promptStrict: 'prompt_level_strict_acc,none',
  promptLoose: 'prompt_level_loose_acc,none',
  instStrictFollowed: 'inst_level_strict_followed',
  instLooseFollowed: 'inst_level_loose_followed',
  instTotal: 'inst_level_total',
} as const;

const INST_STRICT = 'inst_level_strict_acc,none';
const INST_LOOSE = 'inst_level_loose_acc,none';

/** The per-sample keys whose values the instruction-level stderr resamples (the task's `sampleValueKeys`). */
export const IFEVAL_SAMPLE_VALUE_KEYS: readonly string[] = [IFEVAL_SCORE_KEYS.instStrictFollowed, IFEVAL_SCORE_KEYS.instLooseFollowed, IFEVAL_SCORE_KEYS.instTotal];

/**
 * lm-eval's `ifeval` results as NeMo reports them, in lm-eval's metric order:
 * `prompt_level_strict_acc`, `inst_level_strict_acc`, `prompt_level_loose_acc`,
 * `inst_level_loose_acc`. Prompt-level metrics are means over prompts with stderr. Instruction-level
 * metrics are lm-eval's `agg_inst_level_acc`, the mean over all instructions of all prompts
 * (followed / total from the per-sample counts); their stats describe the instructions. lm-eval
 * reports no stderr for them ("N/A", NeMo's none): this is a ratio of per-prompt sums, so its
 * `stderr` here is a bootstrap over prompts (bootstrapStderr, lm-eval's seeded scheme), present when
 * the per-prompt counts were kept (IFEVAL_SAMPLE_VALUE_KEYS) and there are at least two prompts.
 */
export function ifevalReport(taskName: string, totals: MetricTotals): EvaluationResult {
  const whole = totals.get('') ?? new Map<string, MetricStats>();
  const total = whole.get(IFEVAL_SCORE_KEYS.instTotal);
  const ordered = new Map<string, MetricStats>();
  const add = (key: string, stats: MetricStats | undefined) => {
    if (stats) ordered.set(key, stats);
  };
  add(IFEVAL_SCORE_KEYS.promptStrict, whole.get(IFEVAL_SCORE_KEYS.promptStrict));
  add(INST_STRICT, instructionStats(whole.get(IFEVAL_SCORE_KEYS.instStrictFollowed), total));
  add(IFEVAL_SCORE_KEYS.promptLoose, whole.get(IFEVAL_SCORE_KEYS.promptLoose));
  add(INST_LOOSE, instructionStats(whole.get(IFEVAL_SCORE_KEYS.instLooseFollowed), total));
  const result = lmEvalTaskReport(taskName, new Map([['', ordered]]));
  const stderrs = instructionLevelStderrs(totals);
  for (const [i, key] of [INST_STRICT, INST_LOOSE].entries()) {
    const name = key.slice(0, key.indexOf(','));
    const stderr = stderrs[i];
    for (const section of [result.tasks, result.groups]) {
      const stats = section[taskName]?.metrics[name]?.scores[name]?.stats;
      if (!stats) continue;
      if (stderr === undefined) delete stats.stderr;
      else stats.stderr = stderr;
    }
  }
  return result;
}

/**
 * The bootstrap stderrs over prompts of Σ followed / Σ instructions, strict then loose, from the
 * kept per-prompt counts (both from the same resamples); undefined without them.
 */
function instructionLevelStderrs(totals: MetricTotals): Array<number | undefined> {
  const strict = sampleValues(totals, IFEVAL_SCORE_KEYS.instStrictFollowed);
  const loose = sampleValues(totals, IFEVAL_SCORE_KEYS.instLooseFollowed);
  const instructions = sampleValues(totals, IFEVAL_SCORE_KEYS.instTotal);
  if (!strict || !loose || !instructions) return [undefined, undefined];
  const share = (followed: readonly number[]) => (indices: Uint32Array) => {
    let followedSum = 0;
    let instructionSum = 0;
    for (const i of indices) {
      followedSum += followed[i] as number;
      instructionSum += instructions[i] as number;
    }
    return instructionSum > 0 ? followedSum / instructionSum : 0;
  };
  return bootstrapStderrs(instructions.length, [share(strict), share(loose)]);
}

/** The 0/1 verdicts of all instructions as stats: `followed` ones out of `total`. */
function instructionStats(followed: MetricStats | undefined, total: MetricStats | undefined): MetricStats | undefined {
  if (!followed || !total) return undefined;
  return { count: total.sum, sum: followed.sum, sumSquared: followed.sum };
}
