import { pythonStrip } from '../../core/python/python-strip.js';
import { afterFirstFence } from './after-first-fence.js';
import { stopAtStopToken } from './stop-at-stop-token.js';

/** bigcode `InstructHumanEval` stop words (verbatim). */
export const INSTRUCT_HUMANEVAL_STOP_WORDS: readonly string[] = ['if __name__', '\nprint', '\nclass'];

const RETURN = '  return ';

/**
 * bigcode `InstructHumanEvalWithoutContext.postprocess_generation`, applied to a chat reply:
 *
 * 1. `prefix` = `context` before the first `def <entry_point>` (its imports); when `context` has no
 *    such line, Python's `context[0:-1]`, i.e. all but its last character.
 * 2. The reply after its first code fence (`afterFirstFence`), cut at the earliest stop word.
 * 3. From `def <entry_point>` (or the start, when absent) to the end of the line holding the last
 *    `"  return "` (two spaces) after it (from the start of that range when there is none), and never
 *    past a remaining "```".
 * 4. `prefix.strip() + "\n" + that`.
 *
 * So helpers defined before the target function and code after its last `return` line are dropped,
 * as in bigcode.
 */
export function extractInstructHumanEvalCode(reply: string, context: string, entryPoint: string): string {
  const def = `def ${entryPoint}`;
  const defInContext = context.indexOf(def);
  const prefix = defInContext === -1 ? context.slice(0, -1) : context.slice(0, defInContext);
  const generation = stopAtStopToken(afterFirstFence(reply), INSTRUCT_HUMANEVAL_STOP_WORDS);

  const defAt = generation.indexOf(def);
  const funcIndex = defAt === -1 ? 0 : defAt;
  const returnAt = generation.slice(funcIndex).lastIndexOf(RETURN);
  let end = funcIndex + (returnAt === -1 ? 0 : returnAt);
  while (end < generation.length && generation[end] !== '\n') end++;
  const fence = generation.indexOf('```');
  return `${pythonStrip(prefix)}\n${generation.slice(funcIndex, fence === -1 ? end : Math.min(end, fence))}`;
}
