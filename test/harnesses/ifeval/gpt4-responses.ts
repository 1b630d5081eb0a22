import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A row of the shared IFEval input_data.jsonl. */
export interface IfevalInputRow {
  key: number;
  prompt: string;
  instruction_id_list: string[];
  kwargs: Record<string, unknown>[];
}

function readJsonl<T>(name: string): T[] {
  return readFileSync(join(process.env.EVALFORGE_DATA_DIR as string, 'ifeval', name), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Google's 541 prompts (EVALFORGE_DATA_DIR/ifeval/input_data.jsonl), in file order. */
export function loadIfevalInputs(): IfevalInputRow[] {
  return readJsonl<IfevalInputRow>('input_data.jsonl');
}

/** GPT-4's published responses (EVALFORGE_DATA_DIR/ifeval/gpt4_responses.jsonl), keyed by prompt. */
export function loadGpt4Responses(): Map<string, string> {
  return new Map(readJsonl<{ prompt: string; response: string }>('gpt4_responses.jsonl').map((row) => [row.prompt, row.response]));
}
