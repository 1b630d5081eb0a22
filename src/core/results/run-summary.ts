/** How a run's samples came about (results.yml `evalforge.samples`). */
export interface SampleCounts {
  /** Samples the run covers. */
  total: number;
  /** Samples taken from samples.jsonl of an earlier run. */
  resumed: number;
  /** Requests this run sent (samples answered plus samples failed). */
  requested: number;
  /** Samples that failed after their retries, within `max_error_rate`; they are not in the scores. */
  errors: number;
}

/**
 * What a run reports beside its scores: results.yml `evalforge.interceptors`, `evalforge.samples`
 * and, for a task whose scoring runs code or other I/O, `evalforge.scoring`.
 */
export interface RunSummary {
  /** Each interceptor's end-of-run report by interceptor name (`response_stats`, `cost`, ...). */
  interceptors: Record<string, Record<string, unknown>>;
  samples: SampleCounts;
  /** How samples were verified (e.g. `{sandbox: {isolation, ...}}` for code tasks). */
  scoring?: Record<string, unknown>;
  /** For a judged task: the judge model and its own interceptor reports (response_stats, caching, …). */
  judge?: { model: string; interceptors: Record<string, Record<string, unknown>> };
}
