import { describe, expect, it } from 'vitest';
import { createReasoningStats } from '../../../src/adapters/reasoning/reasoning-stats.js';
import type { ReasoningInfo } from '../../../src/adapters/reasoning/reasoning-trace.js';

const info = (overrides: Partial<ReasoningInfo>): ReasoningInfo => ({
  reasoningWords: 0,
  originalContentWords: 0,
  updatedContentWords: 0,
  reasoningFinished: false,
  reasoningStarted: false,
  reasoningTokens: undefined,
  updatedContentTokens: undefined,
  ...overrides,
});

describe('reasoning statistics', () => {
  it('counts responses, started/finished/unfinished reasoning and the finished ratio as NeMo does', () => {
    const stats = createReasoningStats();
    stats.add(info({ reasoningWords: 4, originalContentWords: 6, updatedContentWords: 2, reasoningStarted: true, reasoningFinished: true, reasoningTokens: 10 }));
    stats.add(info({ reasoningWords: 3, originalContentWords: 3, updatedContentWords: 3, reasoningStarted: true, reasoningFinished: false }));
    stats.add(info({ originalContentWords: 1, updatedContentWords: 1 }));
    stats.add(info({ reasoningWords: undefined, reasoningStarted: undefined, originalContentWords: 2, updatedContentWords: 2 }));
    expect(stats.report()).toEqual({
      total_responses: 4,
      responses_with_reasoning: 2,
      reasoning_finished_count: 1,
      reasoning_started_count: 2,
      reasoning_unfinished_count: 1,
      reasoning_finished_ratio: 0.5,
      avg_reasoning_words: 2.33,
      max_reasoning_words: 4,
      total_reasoning_words: 7,
      avg_original_content_words: 3,
      max_original_content_words: 6,
      total_original_content_words: 12,
      avg_updated_content_words: 2,
      max_updated_content_words: 3,
      total_updated_content_words: 8,
      avg_reasoning_tokens: 10,
      max_reasoning_tokens: 10,
      total_reasoning_tokens: 10,
      avg_updated_content_tokens: null,
      max_updated_content_tokens: null,
      total_updated_content_tokens: 0,
    });
  });

  it('starts at zero with null averages', () => {
    expect(createReasoningStats().report()).toMatchObject({ total_responses: 0, reasoning_finished_ratio: 0, avg_reasoning_words: null, max_reasoning_words: null });
  });
});
