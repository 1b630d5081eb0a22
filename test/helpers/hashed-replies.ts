import { createHash } from 'node:crypto';
import type { MockReplyRequest } from '../../src/testing/index.js';

/**
 * A reply that depends only on the prompt: `Answer: A`..`D` picked by the prompt's hash, or (one
 * prompt in eight) an answer with no letter. On a multiple-choice task this scores about a quarter
 * right, the same whichever order or how many times the prompts arrive.
 */
export function hashedLetterReply({ prompt }: MockReplyRequest): string {
  const byte = createHash('sha256').update(prompt).digest()[0] as number;
  return byte % 8 === 0 ? 'I cannot decide.' : `Let me think.\nAnswer: ${'ABCD'[byte % 4]}`;
}
