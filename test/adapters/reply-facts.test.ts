import { describe, expect, it } from 'vitest';
import type { AdapterResponse } from '../../src/adapters/pipeline/types.js';
import { replyFacts } from '../../src/adapters/reply-facts.js';

const reply = (body: unknown, status = 200): AdapterResponse => ({
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
  latencyMs: 1,
});

const sse = (...chunks: unknown[]) => `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;

describe('replyFacts', () => {
  it('reads usage, finish reason and emptiness of a chat reply', () => {
    const facts = replyFacts(
      reply({ choices: [{ message: { role: 'assistant', content: 'hi' }, finish_reason: 'length' }], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } }),
    );
    expect(facts).toEqual({ empty: false, finishReason: 'length', toolCalls: 0, functionCalls: 0, usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 } });
  });

  it('counts null, missing and whitespace-only text as empty, and tool calls', () => {
    expect(replyFacts(reply({ choices: [{ message: { content: null, tool_calls: [{}, {}] } }] }))).toMatchObject({ empty: true, toolCalls: 2 });
    expect(replyFacts(reply({ choices: [{ text: ' \n' }] }))?.empty).toBe(true);
    expect(replyFacts(reply({ choices: [{ text: ' 2' }], usage: { prompt_tokens: 1, completion_tokens: 2 } }))).toMatchObject({
      empty: false,
      usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 },
    });
    expect(replyFacts(reply({ choices: [{ message: { content: '', function_call: { name: 'f' } } }] }))?.functionCalls).toBe(1);
  });

  it('assembles a streamed reply, usage from the include_usage chunk', () => {
    const body = sse(
      { choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      { choices: [{ index: 0, delta: { content: 'Hello ' }, finish_reason: null }] },
      { choices: [{ index: 0, delta: { tool_calls: [{ index: 0 }] }, finish_reason: null }] },
      { choices: [{ index: 0, delta: { tool_calls: [{ index: 0 }] }, finish_reason: null }] },
      { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      { choices: [], usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 } },
    );
    expect(replyFacts(reply(body))).toEqual({ empty: false, finishReason: 'stop', toolCalls: 1, functionCalls: 0, usage: { promptTokens: 2, completionTokens: 1, totalTokens: 3 } });
    expect(replyFacts(reply(sse({ choices: [{ index: 0, text: '', finish_reason: 'length' }] })))).toEqual({ empty: true, finishReason: 'length', toolCalls: 0, functionCalls: 0 });
  });

  it('is undefined for bodies that are no completion', () => {
    expect(replyFacts(reply({ error: { message: 'bad' } }, 400))).toBeUndefined();
    expect(replyFacts(reply('{"choices": [tru'))).toBeUndefined();
    expect(replyFacts(reply('data: {not json}\n\n'))).toBeUndefined();
    expect(replyFacts(reply({ choices: [] }))).toBeUndefined();
  });
});
