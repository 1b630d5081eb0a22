import type { ReasoningInfo } from './reasoning-trace.js';

const MEASURES = [
  ['reasoning_words', 'reasoningWords'],
  ['original_content_words', 'originalContentWords'],
  ['updated_content_words', 'updatedContentWords'],
  ['reasoning_tokens', 'reasoningTokens'],
  ['updated_content_tokens', 'updatedContentTokens'],
] as const;

interface Measure {
  total: number;
  known: number;
  max: number | null;
}

/** The `reasoning` report section, NeMo's key names. */
export type ReasoningReport = Record<string, number | null>;

/** Running reasoning statistics over the replies of a run. */
export interface ReasoningStats {
  add(info: ReasoningInfo): void;
  report(): ReasoningReport;
}

/**
 * NeMo's reasoning statistics (`eval_factory_metrics.json` → `reasoning`): counts of responses,
 * responses with reasoning (non-zero reasoning words, or started with unknown words), started,
 * finished and unfinished reasoning (of those that started), `reasoning_finished_ratio` =
 * finished / responses with reasoning (0 while there are none), and `avg_`, `max_`, `total_` of
 * each measure. Unlike NeMo's running average (re-rounded after every response and dividing by
 * all responses), `avg_` is the exact mean over the responses where the measure is known, rounded
 * to 2 decimals; `avg_`/`max_` are null while no response had it known.
 */
export function createReasoningStats(): ReasoningStats {
  let responses = 0;
  let withReasoning = 0;
  let started = 0;
  let finished = 0;
  let unfinished = 0;
  // Aligned with MEASURES by index.
  const measures: Measure[] = MEASURES.map(() => ({ total: 0, known: 0, max: null }));
  return {
    add(info) {
      responses++;
      const words = info.reasoningWords;
      if ((words === undefined && info.reasoningStarted === true) || (words !== undefined && words > 0)) withReasoning++;
      if (info.reasoningStarted === true) {
        started++;
        if (info.reasoningFinished) finished++;
        else unfinished++;
      }
      for (let i = 0; i < MEASURES.length; i++) {
        const value = info[MEASURES[i]![1]];
        if (value === undefined) continue;
        const measure = measures[i]!;
        measure.total += value;
        measure.known++;
        if (measure.max === null || value > measure.max) measure.max = value;
      }
    },
    report() {
      const report: ReasoningReport = {
        total_responses: responses,
        responses_with_reasoning: withReasoning,
        reasoning_finished_count: finished,
        reasoning_started_count: started,
        reasoning_unfinished_count: unfinished,
        reasoning_finished_ratio: withReasoning ? finished / withReasoning : 0,
      };
      for (let i = 0; i < MEASURES.length; i++) {
        const name = MEASURES[i]![0];
        const { total, known, max } = measures[i]!;
        report[`avg_${name}`] = known ? Math.round((total / known) * 100) / 100 : null;
        report[`max_${name}`] = max;
        report[`total_${name}`] = total;
      }
      return report;
    },
  };
}
