import { describe, expect, it } from 'vitest';
import { strictVerdict } from './strict-verdict.js';

describe('detectable_format:number_bullet_lists', () => {
  const id = 'detectable_format:number_bullet_lists';
  it('counts lines starting with "* " or "-" (after whitespace, also blank lines)', () => {
    expect(strictVerdict(id, { num_bullets: 3 }, '* a\n* b\n- c')).toBe(true);
    expect(strictVerdict(id, { num_bullets: 1 }, '\n\n  * a\n')).toBe(true);
  });
  it('does not count **bold** lines but counts a --- rule', () => {
    expect(strictVerdict(id, { num_bullets: 1 }, '**bold**\n* a')).toBe(true);
    expect(strictVerdict(id, { num_bullets: 2 }, '---\n* a')).toBe(true);
  });
});

describe('detectable_format:constrained_response', () => {
  const id = 'detectable_format:constrained_response';
  it('looks for one of the three answers, case-sensitively', () => {
    expect(strictVerdict(id, {}, '  My answer is yes.  ')).toBe(true);
    expect(strictVerdict(id, {}, 'my answer is yes.')).toBe(false);
  });
});

describe('detectable_format:number_highlighted_sections', () => {
  const id = 'detectable_format:number_highlighted_sections';
  it('counts *x* and **x** with something inside', () => {
    expect(strictVerdict(id, { num_highlights: 2 }, '*a* and **b**')).toBe(true);
    expect(strictVerdict(id, { num_highlights: 3 }, '*a* and **b**')).toBe(false);
    expect(strictVerdict(id, { num_highlights: 1 }, '* * and ** **')).toBe(false);
  });
});

describe('detectable_format:multiple_sections', () => {
  const id = 'detectable_format:multiple_sections';
  it('counts the splitter followed by a number, case-sensitively', () => {
    expect(strictVerdict(id, { section_spliter: 'SECTION', num_sections: 2 }, 'SECTION 1\nfoo\nSECTION 2\nbar')).toBe(true);
    expect(strictVerdict(id, { section_spliter: 'SECTION', num_sections: 1 }, 'Section 1\nfoo')).toBe(false);
  });
  it('strips the splitter, and the space before the number is optional', () => {
    expect(strictVerdict(id, { section_spliter: ' Day ', num_sections: 2 }, 'Day1 x Day 2 y')).toBe(true);
  });
});

describe('detectable_format:json_format', () => {
  const id = 'detectable_format:json_format';
  it('accepts what json.loads accepts after removing markdown fences', () => {
    expect(strictVerdict(id, {}, '```\n[1, 2]\n```')).toBe(true);
    expect(strictVerdict(id, {}, '```JSON\n{"a": "\\u00e9\\n"}```')).toBe(true);
    expect(strictVerdict(id, {}, 'Here is the JSON: {"a": 1}')).toBe(false);
  });
  it('takes NaN and Infinity as Python does, and rejects what Python rejects', () => {
    expect(strictVerdict(id, {}, '```json\n{"a": NaN}\n```')).toBe(true);
    expect(strictVerdict(id, {}, 'Infinity')).toBe(true);
    expect(strictVerdict(id, {}, '[1, -Infinity, 2.5e3, -0]')).toBe(true);
    expect(strictVerdict(id, {}, 'nan')).toBe(false);
    expect(strictVerdict(id, {}, '{"a": 1,}')).toBe(false);
    expect(strictVerdict(id, {}, '{"a": "tab\there"}')).toBe(false);
    expect(strictVerdict(id, {}, '[01]')).toBe(false);
  });
});

describe('detectable_format:title', () => {
  const id = 'detectable_format:title';
  it('needs <<...>> on one line with something inside', () => {
    expect(strictVerdict(id, {}, '<<My Title>>')).toBe(true);
    expect(strictVerdict(id, {}, '<< >>')).toBe(false);
    expect(strictVerdict(id, {}, '<<a\nb>>')).toBe(false);
    // One greedy match "<<<>>> and <<x>>", whose inside is not blank.
    expect(strictVerdict(id, {}, '<<<>>> and <<x>>')).toBe(true);
  });
});
