import type { SampleRecord } from '../core/results/sample-log.js';
import type { SampleOutcome } from './sample-outcome.js';

/** A log-likelihood request as embedded: `context` is left out when it equals the previous request's. */
export interface EmbeddedRequest {
  context?: string;
  continuation: string;
}

/** A samples.jsonl record as the report embeds it: the same fields, with `requests` compacted. */
export type EmbeddedRecord = Omit<SampleRecord, 'requests'> & { requests?: readonly EmbeddedRequest[] };

/** Outcome codes in the embedded samples: 0 correct, 1 incorrect, 2 error. */
export const OUTCOME_CODES: Record<SampleOutcome, 0 | 1 | 2> = { correct: 0, incorrect: 1, error: 2 };

/** One sample in the report's samples block: [run index, outcome code, record]. */
export type EmbeddedSample = [run: number, outcome: 0 | 1 | 2, record: EmbeddedRecord];

/**
 * The record to embed. A multiple-choice log-likelihood sample sends the same (few-shot) context with
 * every choice; writing it once instead of per choice embeds 5-shot MMLU in about a third of its
 * samples.jsonl's size.
 */
export function embedRecord(record: SampleRecord): EmbeddedRecord {
  if (!record.requests) return record;
  let previous: string | undefined;
  const requests = record.requests.map(({ context, continuation }) => {
    const request: EmbeddedRequest = context === previous ? { continuation } : { context, continuation };
    previous = context;
    return request;
  });
  return { ...record, requests };
}
