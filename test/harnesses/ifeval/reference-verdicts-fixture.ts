/**
 * Google's own per-instruction IFEval verdicts on GPT-4's published responses, from
 * `test/fixtures/ifeval/reference-verdicts.jsonl`: one line per prompt of input_data.jsonl, in its
 * order, with `key`, `instruction_id_list`, and `strict` / `loose` (the `follow_instruction_list`
 * of that prompt in eval_results_strict.jsonl / eval_results_loose.jsonl).
 *
 * How the fixture was made (the script is not kept; rerun this recipe to regenerate it): run
 * variant B of Google's instruction_following_eval exactly as /work/shared/datasets/ifeval/SOURCE.md
 * describes (Debian bookworm python3-nltk 3.8, python3-langdetect 1.0.9, python3-absl,
 * python3-immutabledict, /usr/bin/python3 3.11, punkt PY3/english.pickle sha256 5cad3758…b942c,
 * `python3 -m instruction_following_eval.evaluation_main --input_data=… --input_response_data=…
 * --output_dir=…`), then pair each input row with the output rows of the same prompt. Two runs gave
 * byte-identical outputs; totals: prompt strict 417/541, instruction strict 698/834, prompt loose
 * 431/541, instruction loose 714/834.
 */
import { readFileSync } from 'node:fs';

export interface ReferenceVerdict {
  key: number;
  instruction_id_list: string[];
  strict: boolean[];
  loose: boolean[];
}

export function loadReferenceVerdicts(): ReferenceVerdict[] {
  return readFileSync(new URL('../../fixtures/ifeval/reference-verdicts.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ReferenceVerdict);
}
