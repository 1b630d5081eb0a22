import { describe, expect, it } from 'vitest';
import type { AdapterResponse } from '../../../src/adapters/pipeline/types.js';
import { isCacheable } from '../../../src/adapters/response-cache/cacheable.js';

const reply = (body: unknown, status = 200): AdapterResponse => ({ status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body), latencyMs: 1 });
const chat = { model: 'm', messages: [{ role: 'user', content: 'q' }] };
const completions = { model: 'm', prompt: 'q' };
const answer = (finish = 'stop', content: unknown = 'a') => ({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }] });

describe('isCacheable', () => {
  it('accepts a complete chat or completions answer (null chat content included)', () => {
    expect(isCacheable(reply(answer()), chat)).toBe(true);
    expect(isCacheable(reply(answer('stop', null)), chat)).toBe(true);
    expect(isCacheable(reply({ choices: [{ text: ' 2', finish_reason: 'stop' }] }), completions)).toBe(true);
  });

  it('rejects errors, malformed bodies and wrong shapes', () => {
    expect(isCacheable(reply(answer(), 500), chat)).toBe(false);
    expect(isCacheable(reply(answer(), 429), chat)).toBe(false);
    expect(isCacheable(reply('{"choices": [', 200), chat)).toBe(false);
    expect(isCacheable(reply({ choices: [] }), chat)).toBe(false);
    expect(isCacheable(reply({ object: 'error' }), chat)).toBe(false);
    expect(isCacheable(reply({ choices: [{ message: {} }] }), chat)).toBe(false);
    expect(isCacheable(reply(answer()), completions)).toBe(false);
  });

  it('rejects a reply with any choice cut off by the length limit', () => {
    expect(isCacheable(reply(answer('length')), chat)).toBe(false);
    expect(isCacheable(reply({ choices: [{ text: 'a', finish_reason: 'stop' }, { text: 'b', finish_reason: 'length' }] }), completions)).toBe(false);
  });

  it('accepts a prompt-scoring reply (echo), which always ends on the length limit', () => {
    const scoring = { model: 'm', prompt: ['q a', 'q b'], echo: true, logprobs: 1, max_tokens: 0 };
    expect(isCacheable(reply({ choices: [{ index: 0, text: 'q a', finish_reason: 'length' }, { index: 1, text: 'q b', finish_reason: 'length' }] }), scoring)).toBe(true);
  });

  it('accepts a complete stream and rejects a cut-off, truncated or garbled one', () => {
    const streamed = { ...chat, stream: true };
    const chunk = (finish: string | null) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: finish }] })}\n\n`;
    expect(isCacheable(reply(`${chunk(null)}${chunk('stop')}data: [DONE]\n\n`), streamed)).toBe(true);
    expect(isCacheable(reply(`${chunk(null)}${chunk('length')}data: [DONE]\n\n`), streamed)).toBe(false);
    expect(isCacheable(reply(`${chunk(null)}${chunk('stop')}`), streamed)).toBe(false);
    expect(isCacheable(reply(`${chunk(null)}data: {oops\n\ndata: [DONE]\n\n`), streamed)).toBe(false);
  });
});
