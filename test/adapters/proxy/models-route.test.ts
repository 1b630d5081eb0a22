import { describe, expect, it } from 'vitest';
import { modelsReply, modelsUrl } from '../../../src/adapters/proxy/models-route.js';

describe('modelsUrl', () => {
  it('swaps a trailing /chat/completions or /completions for /models, keeping the query', () => {
    expect(modelsUrl('http://h:8000/v1/chat/completions')).toBe('http://h:8000/v1/models');
    expect(modelsUrl('https://h/openai/v1/completions/?api-version=1')).toBe('https://h/openai/v1/models?api-version=1');
    expect(modelsUrl('http://h/generate')).toBeUndefined();
  });
});

describe('modelsReply', () => {
  it('lists the configured model without calling upstream', async () => {
    const reply = await modelsReply('http://127.0.0.1:9/generate', 'my-model', undefined, new AbortController().signal);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ object: 'list', data: [{ id: 'my-model', object: 'model', created: 0, owned_by: 'evalforge' }] });
  });

  it('says to set a model id when no models URL can be derived, and 502s an unreachable upstream', async () => {
    const signal = new AbortController().signal;
    const underived = await modelsReply('http://127.0.0.1:9/generate?key=secret', undefined, undefined, signal);
    expect(underived.status).toBe(404);
    expect(underived.body).toMatch(/--model_id/);
    expect(underived.body).not.toContain('secret');
    const down = await modelsReply('http://127.0.0.1:9/v1/chat/completions', undefined, 'Bearer sk-x', signal);
    expect(down.status).toBe(502);
    expect(down.body).not.toContain('sk-x');
  });
});
