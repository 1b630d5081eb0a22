import type { EvaluationResult, GroupResult } from '../config/schema.js';

/** How one per-sample metric key moved over the run's scored samples. */
export interface MetricChange {
  /** The samples.jsonl `scores` key. */
  metric: string;
  /** Mean over the samples that recorded the key before rescoring (null: none did). */
  before: number | null;
  /** Mean over the samples that record it now (null: none does). */
  after: number | null;
  /** Samples whose value changed, appeared or disappeared. */
  changed: number;
  /** Ids whose value went up (0→1 for a 0/1 metric), in samples.jsonl order. */
  up: string[];
  /** Ids whose value went down (1→0). */
  down: string[];
}

interface Running {
  beforeSum: number;
  beforeCount: number;
  afterSum: number;
  afterCount: number;
  changed: number;
  up: string[];
  down: string[];
}

/** Collects, sample by sample, how each metric key's values moved. */
export class ScoreChanges {
  private readonly metrics = new Map<string, Running>();

  add(id: string, before: Record<string, number>, after: Record<string, number>): void {
    for (const metric of new Set([...Object.keys(before), ...Object.keys(after)])) {
      let running = this.metrics.get(metric);
      if (!running) this.metrics.set(metric, (running = { beforeSum: 0, beforeCount: 0, afterSum: 0, afterCount: 0, changed: 0, up: [], down: [] }));
      const old = before[metric];
      const now = after[metric];
      if (old !== undefined) {
        running.beforeSum += old;
        running.beforeCount++;
      }
      if (now !== undefined) {
        running.afterSum += now;
        running.afterCount++;
      }
      if (old === now) continue;
      running.changed++;
      if (old !== undefined && now !== undefined) (now > old ? running.up : running.down).push(id);
    }
  }

  /** Every metric key seen, sorted by name. */
  list(): MetricChange[] {
    return [...this.metrics.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([metric, r]) => ({
        metric,
        before: r.beforeCount > 0 ? r.beforeSum / r.beforeCount : null,
        after: r.afterCount > 0 ? r.afterSum / r.afterCount : null,
        changed: r.changed,
        up: r.up,
        down: r.down,
      }));
  }
}

/** One reported score (a `value` in results.yml `results`) before and after rescoring. */
export interface ReportedChange {
  /** Its place in `results`: `tasks.<task>.<metric>.<score>` or `groups.<group>[.<subgroup>…].<metric>.<score>`. */
  score: string;
  /** Null when the score was not reported before (or there was no results.yml). */
  before: number | null;
  /** Null when it is no longer reported. */
  after: number | null;
}

function flatten(result: EvaluationResult | undefined): Map<string, number> {
  const values = new Map<string, number>();
  const visit = (prefix: string, entry: GroupResult) => {
    for (const [metric, { scores }] of Object.entries(entry.metrics ?? {})) {
      for (const [name, score] of Object.entries(scores ?? {})) if (typeof score?.value === 'number') values.set(`${prefix}.${metric}.${name}`, score.value);
    }
    for (const [name, group] of Object.entries(entry.groups ?? {})) visit(`${prefix}.${name}`, group);
  };
  for (const [name, task] of Object.entries(result?.tasks ?? {})) visit(`tasks.${name}`, task);
  for (const [name, group] of Object.entries(result?.groups ?? {})) visit(`groups.${name}`, group);
  return values;
}

/** Every score reported before or after, in the new results' order then the dropped ones. */
export function reportedChanges(before: EvaluationResult | undefined, after: EvaluationResult): ReportedChange[] {
  const old = flatten(before);
  const now = flatten(after);
  const changes: ReportedChange[] = [];
  for (const [score, value] of now) changes.push({ score, before: old.get(score) ?? null, after: value });
  for (const [score, value] of old) if (!now.has(score)) changes.push({ score, before: value, after: null });
  return changes;
}
