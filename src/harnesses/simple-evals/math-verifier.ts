import { askForVerdict } from '../../core/judge/ask-for-verdict.js';
import { pythonStrip } from '../../core/python/python-strip.js';
import type { SampleScore, SampleVerifier, VerifierContext } from '../../core/task.js';
import type { MathDoc } from './math-data.js';
import { formatEqualityPrompt } from './math-equality-template.js';
import { MATH_RULE_BASED_CHECKER } from './math-scorer.js';
import { SIMPLE_EVALS_SCORE_KEY } from './report.js';

/** `details.checker` of a sample scored by the judge with upstream's EQUALITY_TEMPLATE. */
export const MATH_LLM_CHECKER = 'llm_equality_checker';
const UNPARSABLE = 'judge_unparsable';

/**
 * Upstream `check_equality`: equivalent iff `reply.lower().strip() == "yes"`; anything else is not
 * (evalforge also marks a reply that is neither "yes" nor "no" as unparsable, for the report).
 */
function readEquality(reply: string): { value: boolean; unparsable: boolean } {
  const said = pythonStrip(reply.toLowerCase());
  return { value: said === 'yes', unparsable: said !== 'yes' && said !== 'no' };
}

/**
 * With a judge configured, scores as upstream simple-evals does: the judge gets one user message,
 * EQUALITY_TEMPLATE with the gold answer as expression 1 and the extracted answer (Python `None`
 * when nothing was extracted, still asked, as upstream) as expression 2. Without one, the
 * rule-based score `score` already gave stands.
 */
export function createMathVerifier(ctx: VerifierContext): SampleVerifier<MathDoc> {
  const { judge, signal } = ctx;
  return {
    async verify(scored: SampleScore, doc: MathDoc): Promise<SampleScore> {
      if (!judge) return scored;
      const extracted = scored.extracted.answer ?? null;
      const verdict = await askForVerdict(judge, [{ role: 'user', content: formatEqualityPrompt(doc.answer, extracted) }], readEquality, signal);
      return {
        extracted: scored.extracted,
        scores: { [SIMPLE_EVALS_SCORE_KEY]: verdict.value ? 1 : 0, [UNPARSABLE]: verdict.unparsable ? 1 : 0 },
        details: { checker: MATH_LLM_CHECKER, judge_reply: verdict.reply, ...(verdict.asks > 1 ? { judge_asks: verdict.asks } : {}) },
      };
    },
    describe: () => ({ checker: judge ? MATH_LLM_CHECKER : MATH_RULE_BASED_CHECKER }),
    close: async () => {},
  };
}
