import type { ModelResponse } from '../task.js';
import type { SampleRecord } from '../results/sample-log.js';

/**
 * The ModelResponse a samples.jsonl `response` was recorded from: the text, the answer per turn,
 * or the Loglikelihoods (lm-eval's snake_case `is_greedy` back to `isGreedy`). Undefined when the
 * record has none.
 */
export function recordedModelResponse(response: SampleRecord['response']): ModelResponse | undefined {
  if (response === undefined || typeof response === 'string') return response;
  return response.map((entry) => (typeof entry === 'string' ? entry : { logprob: entry.logprob, isGreedy: entry.is_greedy })) as ModelResponse;
}
