import type { SampleRecord } from '../core/results/sample-log.js';

/** How the report files a sample: a failed request, or a scored sample by its primary score. */
export type SampleOutcome = 'correct' | 'incorrect' | 'error';

/**
 * A run's primary score: the first key of `scores` (in samples.jsonl order) of the first sample
 * that has any, i.e. the first metric the task's scorer returns (`score` for simple-evals tasks,
 * `exact_match__strict-match` for gsm8k, `acc,none` for log-likelihood tasks). Undefined when no
 * sample was scored.
 */
export function primaryScoreKey(samples: Iterable<SampleRecord>): string | undefined {
  for (const sample of samples) {
    if (sample.error) continue;
    const [first] = Object.keys(sample.scores);
    if (first !== undefined) return first;
  }
  return undefined;
}

/**
 * `error` when the sample has an `error` (its request failed after its retries; it is not in the
 * scores), `correct` when its primary score is a number > 0, `incorrect` otherwise (including a
 * sample without that score).
 */
export function sampleOutcome(sample: SampleRecord, primary: string | undefined): SampleOutcome {
  if (sample.error) return 'error';
  const value = primary === undefined ? undefined : sample.scores[primary];
  return typeof value === 'number' && value > 0 ? 'correct' : 'incorrect';
}
