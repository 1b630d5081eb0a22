import { describe, expect, it } from 'vitest';
import { normalizeExtractedAnswer, normalizeResponse } from '../../../src/harnesses/simple-evals/normalize.js';

describe('normalizeResponse', () => {
  it('deletes the wrappers in upstream order', () => {
    expect(normalizeResponse('**Answer:** $\\boxed{B}$')).toBe('Answer: B');
    // `{` goes before `\boxed`, so a bare \boxed{B} keeps its closing brace.
    expect(normalizeResponse('\\boxed{B}')).toBe('B}');
    // `\text` goes before `{`: "\text{C}" -> "{C}" -> "C}".
    expect(normalizeResponse('\\text{C}')).toBe('C}');
    expect(normalizeResponse('\\mathrm{x} \\(y\\) \\{z\\}')).toBe('x} y\\) z\\}');
    expect(normalizeResponse('cost: \\$5 or $6$')).toBe('cost: 5 or 6');
  });

  it('treats the wrappers as literal text', () => {
    expect(normalizeResponse('$&$1')).toBe('&1');
    expect(normalizeResponse('***')).toBe('*');
  });
});

describe('normalizeExtractedAnswer', () => {
  it('maps Arabic, Bengali and full-width letters to A-D', () => {
    expect(['\u0623', '\u0628', '\u062c', '\u062f'].map(normalizeExtractedAnswer)).toEqual(['A', 'B', 'C', 'D']);
    expect(['\u0985', '\u09ac', '\u09a1', '\u09a2'].map(normalizeExtractedAnswer)).toEqual(['A', 'B', 'C', 'D']);
    expect(['\uff21', '\uff22', '\uff23', '\uff24'].map(normalizeExtractedAnswer)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('does not change case or other letters', () => {
    expect(['b', 'B', '\uff42', '\u062a'].map(normalizeExtractedAnswer)).toEqual(['b', 'B', '\uff42', '\u062a']);
  });
});
