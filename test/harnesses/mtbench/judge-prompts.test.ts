import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SINGLE_MATH_V1, SINGLE_MATH_V1_MULTI_TURN, SINGLE_V1, SINGLE_V1_MULTI_TURN } from '../../../src/harnesses/mtbench/judge-prompts.js';

const dataDir = process.env.EVALFORGE_DATA_DIR as string;

describe('MT-Bench judge prompts', () => {
  it('are the single-* rows of FastChat judge_prompts.jsonl, byte for byte', () => {
    const rows = readFileSync(join(dataDir, 'mt_bench', 'judge_prompts.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { name: string; type: string; system_prompt: string; prompt_template: string; output_format: string });
    const byName = new Map(rows.map((row) => [row.name, row]));
    for (const prompt of [SINGLE_V1, SINGLE_MATH_V1, SINGLE_V1_MULTI_TURN, SINGLE_MATH_V1_MULTI_TURN]) {
      const row = byName.get(prompt.name);
      expect(row?.type).toBe('single');
      expect(row?.output_format).toBe('[[rating]]');
      expect(prompt.systemPrompt).toBe(row?.system_prompt);
      expect(prompt.promptTemplate).toBe(row?.prompt_template);
    }
  });
});
