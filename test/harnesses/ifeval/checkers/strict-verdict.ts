import { scoreIfevalResponse } from '../../../../src/harnesses/ifeval/score-ifeval-response.js';

/**
 * The strict verdict of one instruction on one response, as the reference's
 * `test_instruction_following_strict` gives it. The expected values in the checker tests were
 * confirmed by running Google's instruction_following_eval (variant B, langdetect seeded with 0)
 * on the same instruction, kwargs and response.
 */
export function strictVerdict(id: string, kwargs: Record<string, unknown>, response: string): boolean {
  return (scoreIfevalResponse({ instruction_id_list: [id], kwargs: [kwargs] }, response).instructions[0] as { strict: boolean }).strict;
}
