import type { SampleScore } from '../../core/task.js';

/** `extracted` key holding a sample's candidate program (bigcode's post-processed generation). */
export const CANDIDATE_KEY = 'code';

/** The pure half of a code task's score: the candidate it will run, no scores yet (the verifier adds `passed`). */
export function candidateScore(candidate: string): SampleScore {
  return { extracted: { [CANDIDATE_KEY]: candidate }, scores: {} };
}
