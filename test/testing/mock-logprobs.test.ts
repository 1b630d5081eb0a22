import { describe, expect, it } from 'vitest';
import { completionLogprobs, mockTokens } from '../../src/testing/mock-logprobs.js';

describe('mock log-probabilities', () => {
  it('tokenizes into whitespace-led words', () => {
    expect(mockTokens('Question: why?\nAnswer: A')).toEqual(['Question:', ' why?', '\nAnswer:', ' A']);
    expect(mockTokens('  lead and trail  ')).toEqual(['  lead', ' and', ' trail', '  ']);
    expect(mockTokens('')).toEqual([]);
  });

  it('echoes the prompt (first token unscored) then the reply, offsets in code points', () => {
    const seen: string[] = [];
    const lp = completionLogprobs('😀 hi', ' there', true, (prefix, token) => {
      seen.push(`${prefix}|${token}`);
      return token === ' hi' ? -0.25 : -3;
    });
    expect(lp).toEqual({
      tokens: ['😀', ' hi', ' there'],
      token_logprobs: [null, -0.25, -3],
      top_logprobs: [null, { ' hi': -0.25 }, { ' there': -3, '<|mock-alternative|>': Math.log(0.5) }],
      text_offset: [0, 1, 4],
    });
    expect(seen).toEqual(['😀| hi', '😀 hi| there']);
  });

  it('scores only the reply, given the prompt, without echo', () => {
    const lp = completionLogprobs('Q:', ' A', false, (prefix) => (prefix === 'Q:' ? -1 : -9));
    expect(lp.tokens).toEqual([' A']);
    expect(lp.token_logprobs).toEqual([-1]);
    expect(lp.text_offset).toEqual([0]);
  });
});
