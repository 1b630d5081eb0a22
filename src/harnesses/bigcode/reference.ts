/** The bigcode-evaluation-harness snapshot the native code tasks were checked against. */
export const BIGCODE_REPO = 'bigcode-project/bigcode-evaluation-harness';
export const BIGCODE_COMMIT = '8fc5bae6479c4fbbb28c3f8b644f6a15b3f3b5bd';

/** `TaskDefinition.reference` for a task defined by `path` in that snapshot. */
export function bigcodeReference(path: string): string {
  return `${BIGCODE_REPO}@${BIGCODE_COMMIT} ${path}`;
}
