import { describe, expect, it } from 'vitest';
import { analyseReasoning as analyseLazily, pythonWordCount } from '../../../src/adapters/reasoning/reasoning-trace.js';

/** The analysis with its statistics computed (they are counted when asked for). */
function analyseReasoning(...args: Parameters<typeof analyseLazily>) {
  const { content, info } = analyseLazily(...args);
  return { content, info: info() };
}

const think = { start: '<think>', end: '</think>' };

describe('analyseReasoning (NeMo reasoning semantics)', () => {
  it('cuts everything through the last end token and trims newlines only', () => {
    const { content, info } = analyseReasoning('<think>a b c</think>mid</think>\n\n tail \n', undefined, undefined, think, true);
    expect(content).toBe(' tail ');
    expect(info).toEqual({
      reasoningWords: 3,
      originalContentWords: 4,
      updatedContentWords: 1,
      reasoningFinished: true,
      reasoningStarted: true,
      reasoningTokens: undefined,
      updatedContentTokens: undefined,
    });
  });

  it('treats an end token without a start token as finished reasoning', () => {
    const { content, info } = analyseReasoning('plan first</think>Answer: 4', undefined, undefined, think, true);
    expect(content).toBe('Answer: 4');
    expect(info).toMatchObject({ reasoningStarted: true, reasoningFinished: true, reasoningWords: 2 });
  });

  it('keeps unfinished reasoning, or blanks it with include_if_not_finished false (even with no start token seen)', () => {
    expect(analyseReasoning('<think>still going', undefined, undefined, think, true)).toMatchObject({
      content: '<think>still going',
      info: { reasoningStarted: true, reasoningFinished: false, reasoningWords: 2 },
    });
    expect(analyseReasoning('<think>still going', undefined, undefined, think, false).content).toBe('');
    expect(analyseReasoning('plain answer', undefined, undefined, think, false)).toMatchObject({ content: '', info: { reasoningStarted: false, reasoningWords: 0 } });
  });

  it('reports started and reasoning words as unknown when no start token is configured and none finished', () => {
    expect(analyseReasoning('plain', undefined, undefined, { start: null, end: '</think>' }, true).info).toMatchObject({ reasoningStarted: undefined, reasoningWords: undefined });
  });

  it('matches Python re.sub for a self-overlapping end token', () => {
    expect(analyseReasoning('aaa', undefined, undefined, { start: null, end: 'aa' }, true).content).toBe('a');
  });

  it('with reasoning_content keeps the content and takes tokens from usage', () => {
    const usage = { completion_tokens: 9, completion_tokens_details: { reasoning_tokens: 7 }, content_tokens: 2 };
    expect(analyseReasoning('<think>x</think>Answer', 'deep thought', usage, think, false)).toEqual({
      content: '<think>x</think>Answer',
      info: { reasoningWords: 2, originalContentWords: 1, updatedContentWords: 1, reasoningFinished: true, reasoningStarted: true, reasoningTokens: 7, updatedContentTokens: 2 },
    });
    expect(analyseReasoning('  ', 'thinking', { output_tokens_details: { reasoning_tokens: 5 } }, think, true).info).toMatchObject({ reasoningFinished: false, reasoningTokens: 5 });
    expect(analyseReasoning('A', '', { reasoning_tokens: 3 }, think, true).info).toMatchObject({ reasoningStarted: false, reasoningWords: 0, reasoningTokens: 3 });
  });

  it('counts words as Python str.split() does', () => {
    expect(pythonWordCount('a\u2003b\x1cc  d\n')).toBe(4);
    expect(pythonWordCount('')).toBe(0);
  });
});
