import { readFileSync } from 'node:fs';

/**
 * `test/fixtures/bigcode/reference-postprocess.json`: what bigcode-evaluation-harness's own code
 * (bigcode-project/bigcode-evaluation-harness@8fc5bae6, Python 3.11, numpy 2.4) returns for real
 * rows and crafted model outputs. The script is not kept; to regenerate, import
 * `bigcode_eval.tasks.{humaneval,mbpp,instruct_humaneval}` and `custom_metrics.code_eval` with
 * `datasets`/`torch`/`tqdm` stubbed, set each task's `dataset = {"test": rows}`, and record:
 *
 * - `humaneval` (HumanEval rows 0 2 10 32 64 94 133 142 163 of HumanEval.jsonl.gz, task
 *   `humaneval`): `get_prompt(row)`, `get_reference(row)`, and for each completion `g`
 *   `postprocess_generation(prompt + g, idx)` (NVIDIA's completions client returns prompt + text);
 * - `mbpp` (test rows 0 1 17 100 356 499 of task ids 11–510 of mbpp.jsonl): the same with `MBPP`;
 * - `instruct`: `InstructHumanEvalWithoutContext.postprocess_generation(reply, idx)` over rows
 *   `{context, entry_point}` shaped like codeparrot/instructhumaneval's;
 * - `pass_at_k`: `[n, c, k, estimate_pass_at_k(n, [c], k)[0]]` for a grid of n, c, k.
 */
export interface ReferenceFixture {
  humaneval: CompletionRow[];
  mbpp: Array<CompletionRow & { task_id: number }>;
  instruct: Array<{ context: string; entry_point: string; reply: string; code: string }>;
  pass_at_k: Array<[n: number, c: number, k: number, value: number]>;
}

export interface CompletionRow {
  task_id: string | number;
  prompt: string;
  reference: string;
  cases: Array<{ completion: string; candidate: string }>;
}

export const referenceFixture = JSON.parse(readFileSync(new URL('../../fixtures/bigcode/reference-postprocess.json', import.meta.url), 'utf8')) as ReferenceFixture;
