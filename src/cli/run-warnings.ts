import type { RunSummary } from '../core/results/run-summary.js';

/** Share of replies above which a reply problem gets a warning. */
const SHARE_LIMIT = 0.05;

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
const numberAt = (report: Record<string, unknown> | undefined, key: string): number | undefined =>
  typeof report?.[key] === 'number' ? report[key] : undefined;

/**
 * Warning lines for a run that finished: more than 5% of replies cut off by the token limit or
 * empty (the silent score killers: such replies score 0 without any error; read from the
 * `response_stats` report, so only when that interceptor ran), samples that failed and were
 * left out of the scores within `max_error_rate`, and model-written code that ran in a sandbox
 * short of full isolation (results.yml `evalforge.scoring.sandbox`).
 */
export function runWarnings(summary: RunSummary): string[] {
  const warnings: string[] = [];
  const stats = summary.interceptors.response_stats;
  const replies = numberAt(stats, 'successful_count') ?? 0;
  const lengthCut = numberAt(stats, 'length_cut_ratio');
  if (lengthCut !== undefined && lengthCut > SHARE_LIMIT) {
    warnings.push(
      `warning: ${percent(lengthCut)} of replies (${numberAt(stats, 'length_cut_count')} of ${replies}) were cut off by the token limit (finish_reason "length"): truncated answers silently score 0; raise config.params.max_new_tokens`,
    );
  }
  const empty = numberAt(stats, 'empty_reply_ratio');
  if (empty !== undefined && empty > SHARE_LIMIT) {
    warnings.push(
      `warning: ${percent(empty)} of replies (${numberAt(stats, 'empty_reply_count')} of ${replies}) were empty: they silently score 0; check the endpoint and model (a reasoning model may have spent max_new_tokens on thinking)`,
    );
  }
  const sandbox = summary.scoring?.sandbox as { isolation?: unknown; reason?: unknown } | undefined;
  if (sandbox && sandbox.isolation !== 'full') {
    warnings.push(`warning: model-written code ran with sandbox isolation "${String(sandbox.isolation)}": ${String(sandbox.reason)}`);
  }
  const { errors, total } = summary.samples;
  if (errors > 0) {
    warnings.push(
      `warning: ${errors} of ${total} samples failed after their retries and are left out of the scores (accepted by config.params.extra.max_error_rate); samples.jsonl records why, and a rerun retries only them`,
    );
  }
  return warnings;
}
