import { describe, expect, it } from 'vitest';
import { strictVerdict } from './strict-verdict.js';

describe('detectable_content:number_placeholders', () => {
  const id = 'detectable_content:number_placeholders';
  it('counts [..] on one line, shortest first', () => {
    expect(strictVerdict(id, { num_placeholders: 2 }, '[name] and [address]')).toBe(true);
    expect(strictVerdict(id, { num_placeholders: 1 }, '[a\nb]')).toBe(false);
    // "[[x]" is one match; the last "]" opens nothing.
    expect(strictVerdict(id, { num_placeholders: 2 }, '[[x]]')).toBe(false);
  });
});

describe('detectable_content:postscript', () => {
  const id = 'detectable_content:postscript';
  it('finds the marker anywhere, case-insensitively, with optional spaces between its letters', () => {
    expect(strictVerdict(id, { postscript_marker: 'P.S.' }, 'Hi\n\np.s. bye')).toBe(true);
    expect(strictVerdict(id, { postscript_marker: 'P.S.' }, 'Hi\nPS bye')).toBe(false);
    expect(strictVerdict(id, { postscript_marker: 'P.P.S' }, 'Note P. P. S more')).toBe(true);
    expect(strictVerdict(id, { postscript_marker: 'P.P.S' }, 'P.S. only')).toBe(false);
  });
});
