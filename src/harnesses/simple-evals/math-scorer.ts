import type { SampleScore } from '../../core/task.js';
import { isEquiv } from '../lm-eval/hendrycks-math-equivalence.js';
import { extractMathAnswer } from './math-extract-answer.js';
import { SIMPLE_EVALS_SCORE_KEY } from './report.js';

/**
 * Which equality checker scored a sample, recorded in every sample's `details.checker`: the
 * rule-based Hendrycks MATH `is_equiv` (lm-eval `hendrycks_math/utils.py`), standing in for
 * upstream's LLM equality checker (`check_equality` with EQUALITY_TEMPLATE).
 */
export const MATH_RULE_BASED_CHECKER = 'hendrycks_math_is_equiv';

/**
 * simple-evals MATH scoring with the rule-based checker: the answer is `extractMathAnswer`
 * (first `Answer:` line of the raw response), and the sample scores 1 when `isEquiv(gold, answer)`
 * (the two agree after Hendrycks' `strip_string`, or are identical where it raises), else 0, also
 * when nothing was extracted. Records the capture as `answer` and the checker in `details`.
 */
export function scoreMathResponse(response: string, gold: string): SampleScore {
  const answer = extractMathAnswer(response);
  return {
    extracted: { answer },
    scores: { [SIMPLE_EVALS_SCORE_KEY]: isEquiv(gold, answer) ? 1 : 0 },
    details: { checker: MATH_RULE_BASED_CHECKER },
  };
}
