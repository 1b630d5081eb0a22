import { describe, expect, it } from 'vitest';
import { fewshotChat, fewshotText } from '../../../src/harnesses/lm-eval/fewshot-context.js';

const SHOTS = [
  { question: 'Q1', answer: 'A1' },
  { question: 'Q2', answer: 'A2' },
];
const LAYOUT = { targetDelimiter: ' ', fewshotDelimiter: '\n\n' };

describe('fewshotText', () => {
  it('joins question, target delimiter, answer and few-shot delimiter per shot, then the bare question', () => {
    expect(fewshotText(SHOTS, 'Q3', LAYOUT)).toBe('Q1 A1\n\nQ2 A2\n\nQ3');
    expect(fewshotText([], 'Q3', LAYOUT)).toBe('Q3');
    expect(fewshotText(SHOTS, 'Q3', { ...LAYOUT, description: 'About math.\n\n' })).toBe('About math.\n\nQ1 A1\n\nQ2 A2\n\nQ3');
  });

  it('leaves out the assistant turn and the target delimiter of a shot whose answer is empty', () => {
    expect(fewshotText([{ question: 'Q1', answer: '' }], 'Q2', LAYOUT)).toBe('Q1Q2');
  });
});

describe('fewshotChat', () => {
  it('with fewshot_as_multiturn: one user and one assistant turn per shot, without delimiters', () => {
    expect(fewshotChat(SHOTS, 'Q3', { ...LAYOUT, description: 'D' }, true)).toEqual([
      { role: 'system', content: 'D' },
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: 'A1' },
      { role: 'user', content: 'Q2' },
      { role: 'assistant', content: 'A2' },
      { role: 'user', content: 'Q3' },
    ]);
  });

  it('without it: everything after the system message in one user message, as plain text', () => {
    expect(fewshotChat(SHOTS, 'Q3', { ...LAYOUT, description: 'D' }, false)).toEqual([
      { role: 'system', content: 'D' },
      { role: 'user', content: 'Q1 A1\n\nQ2 A2\n\nQ3' },
    ]);
  });
});
