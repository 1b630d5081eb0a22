import type { EvaluationResult } from '../../core/config/schema.js';
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

/**
 * lm-eval's `ifeval` results as NeMo reports them, in lm-eval's metric order:
 * `prompt_level_strict_acc`, `inst_level_strict_acc`, `prompt_level_loose_acc`,
 * `inst_level_loose_acc`. Prompt-level metrics are means over prompts with stderr. Instruction-level
 * metrics are lm-eval's `agg_inst_level_acc`, the mean over all instructions of all prompts
 * (followed / total from the per-sample counts); their stats describe the instructions, and they
 * have no stderr (lm-eval reports "N/A", which NeMo turns into none).
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
  for (const section of [result.tasks, result.groups]) {
    for (const key of [INST_STRICT, INST_LOOSE]) {
      const name = key.slice(0, key.indexOf(','));
      delete section[taskName]?.metrics[name]?.scores[name]?.stats.stderr;
    }
  }
  return result;
}

/** The 0/1 verdicts of all instructions as stats: `followed` ones out of `total`. */
function instructionStats(followed: MetricStats | undefined, total: MetricStats | undefined): MetricStats | undefined {
  if (!followed || !total) return undefined;
  return { count: total.sum, sum: followed.sum, sumSquared: followed.sum };
}
