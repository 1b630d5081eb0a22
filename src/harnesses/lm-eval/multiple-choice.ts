import { pythonLen } from '../../core/python/python-len.js';
import type { Loglikelihood, LoglikelihoodRequest, SampleScore } from '../../core/task.js';

/** The metrics lm-evaluation-harness computes for `output_type: multiple_choice` that evalforge reports. */
export type MultipleChoiceMetric = 'acc' | 'acc_norm';

/**
 * One log-likelihood request per choice: the shared context, continued by `targetDelimiter` and
 * the choice (lm-eval's `(ctx, f"{target_delimiter}{choice}")`, e.g. `" B"`).
 */
export function choiceRequests(context: string, choices: readonly string[], targetDelimiter = ' '): LoglikelihoodRequest[] {
  return choices.map((choice) => ({ context, continuation: `${targetDelimiter}${choice}` }));
}

/** numpy's argmax: the first index of the largest value (a NaN, if any, wins as numpy's does). */
function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (Number.isNaN(value)) return i;
    if (value > (values[best] as number)) best = i;
  }
  return best;
}

/**
 * lm-evaluation-harness's multiple-choice scoring (`ConfigurableTask.process_results`): `acc` is 1
 * when the choice with the highest summed log-likelihood is the gold one; `acc_norm` the same after
 * dividing each log-likelihood by its choice's length in characters (Python `len` of the choice
 * text, delimiter excluded: code points, not tokens or bytes). Ties go to the first choice. A gold
 * index outside the choices is lm-eval's -100 and scores 0. Scores are keyed `<metric>,none` (no
 * filter), as lm-eval reports them; `extracted.answer` is the predicted choice's index.
 */
export function scoreMultipleChoice(
  lls: readonly Loglikelihood[],
  choices: readonly string[],
  gold: number,
  metrics: readonly MultipleChoiceMetric[],
): SampleScore {
  const logprobs = lls.map((ll) => ll.logprob);
  const pred = argmax(logprobs);
  const validGold = Number.isInteger(gold) && gold >= 0 && gold < choices.length ? gold : -100;
  const scores: Record<string, number> = {};
  if (metrics.includes('acc')) scores['acc,none'] = pred === validGold ? 1 : 0;
  if (metrics.includes('acc_norm')) {
    const predNorm = argmax(logprobs.map((logprob, i) => logprob / pythonLen(choices[i] as string)));
    scores['acc_norm,none'] = predNorm === validGold ? 1 : 0;
  }
  return { extracted: { answer: String(pred) }, scores };
}
