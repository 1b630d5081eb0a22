/**
 * Every registered instruction on every GPT-4 response, not only the instructions of its own
 * prompt, against Google's code. The fixture `test/fixtures/ifeval/cross-verdicts.json` holds
 * the strict verdicts (`"1"`/`"0"`, in the order below) that Google's instruction_following_eval
 * gave (variant B, NLTK 3.8 with the punkt pickle, langdetect 1.0.9 with
 * `DetectorFactory.seed = 0`, as /work/shared/datasets/ifeval/SOURCE.md sets them up; the script is
 * not kept, rerun this recipe to regenerate it):
 *
 *     ids = sorted(instruction ids in input_data.jsonl)            # 25
 *     kwargs_of[id] = [kwargs of each use of id, in file order]
 *     for n, r in enumerate(gpt4 responses):
 *       lines = r.split("\n")
 *       for t, text in enumerate([r, r.replace("*", ""), "\n".join(lines[1:]).strip()]):
 *         if t > 0 and text == r: continue
 *         for j, id in enumerate(ids):
 *           kwargs = kwargs_of[id][(n * 7 + j + t) % len(kwargs_of[id])]
 *           instruction = INSTRUCTION_DICT[id](id); instruction.build_description(**kwargs)
 *           verdict = bool(text.strip() and instruction.check_following(text))
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pythonStrip } from '../../../src/core/python/python-strip.js';
import { scoreIfevalResponse } from '../../../src/harnesses/ifeval/score-ifeval-response.js';
import { loadGpt4Responses, loadIfevalInputs } from './gpt4-responses.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/ifeval/cross-verdicts.json', import.meta.url), 'utf8')) as { count: number; verdicts: string };

describe('every instruction on every response agrees with Google\'s checkers', () => {
  it(`gives the ${fixture.count} reference verdicts`, () => {
    const inputs = loadIfevalInputs();
    const responses = [...loadGpt4Responses().values()];
    const kwargsOf = new Map<string, Record<string, unknown>[]>();
    for (const row of inputs) {
      row.instruction_id_list.forEach((id, i) => kwargsOf.set(id, [...(kwargsOf.get(id) ?? []), row.kwargs[i] as Record<string, unknown>]));
    }
    const ids = [...kwargsOf.keys()].sort();
    const disagreements: string[] = [];
    let position = 0;
    responses.forEach((response, n) => {
      const lines = response.split('\n');
      const texts = [response, response.replaceAll('*', ''), pythonStrip(lines.slice(1).join('\n'))];
      texts.forEach((text, t) => {
        if (t > 0 && text === response) return;
        ids.forEach((id, j) => {
          const choices = kwargsOf.get(id) as Record<string, unknown>[];
          const kwargs = choices[(n * 7 + j + t) % choices.length] as Record<string, unknown>;
          const verdict = scoreIfevalResponse({ instruction_id_list: [id], kwargs: [kwargs] }, text).instructions[0]?.strict;
          const expected = fixture.verdicts[position++] === '1';
          if (verdict !== expected) disagreements.push(`response ${n}, text ${t}, ${id} ${JSON.stringify(kwargs)}: ${verdict}, reference ${expected}`);
        });
      });
    });
    expect(position).toBe(fixture.count);
    expect(disagreements).toEqual([]);
  });
});
