/** The lm-evaluation-harness snapshot the native lm-eval tasks were checked against. */
export const LM_EVAL_REPO = 'EleutherAI/lm-evaluation-harness';
export const LM_EVAL_COMMIT = '4e7e0d47f33bc71070c1d38394bafbb52b117163';

/** `TaskDefinition.reference` for a task defined by `path` in that snapshot. */
export function lmEvalReference(path: string): string {
  return `${LM_EVAL_REPO}@${LM_EVAL_COMMIT} ${path}`;
}
