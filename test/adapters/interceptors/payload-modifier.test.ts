import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { chatReply, startScriptedEndpoint, type ScriptedEndpoint } from '../../helpers/scripted-endpoint.js';
import { realPipeline } from '../../helpers/real-pipeline.js';

let endpoint: ScriptedEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
  vi.restoreAllMocks();
});

/** The body and headers the endpoint received for one request through payload_modifier(`config`). */
async function sent(config: Record<string, unknown>, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  endpoint = await startScriptedEndpoint(() => ({ body: chatReply('ok') }));
  const run = realPipeline(endpoint.url, { interceptors: [{ name: 'payload_modifier', config }, 'endpoint'] });
  expect((await run.send(body, { headers })).status).toBe(200);
  await run.finish();
  return endpoint.received[0]!;
}

const chat = {
  model: 'm',
  messages: [
    { role: 'system', content: 'S', name: 'sys' },
    { role: 'user', content: 'hi', name: 'u' },
  ],
  max_tokens: 8,
  temperature: 0,
  metadata: { name: 'run', tags: [{ name: 'x', keep: 1 }] },
};

describe('payload_modifier interceptor', () => {
  it('removes a key at every depth, including inside lists', async () => {
    const { body } = await sent({ params_to_remove: ['name', 'temperature'] }, chat);
    expect(body).toEqual({
      model: 'm',
      messages: [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'hi' },
      ],
      max_tokens: 8,
      metadata: { tags: [{ keep: 1 }] },
    });
  });

  it('never changes the caller\'s body, even where the sent body shares its unchanged parts', async () => {
    const before = structuredClone(chat);
    const { body } = await sent({ params_to_remove: ['keep'], params_to_add: { seed: 1 }, params_to_rename: { max_tokens: 'max_completion_tokens' } }, chat);
    expect(chat).toEqual(before);
    expect(body).toEqual({ model: 'm', messages: chat.messages, temperature: 0, metadata: { name: 'run', tags: [{ name: 'x' }] }, seed: 1, max_completion_tokens: 8 });
  });

  it('adds shallowly (a nested object replaces the old one) and renames top-level keys', async () => {
    const { body } = await sent({ params_to_add: { metadata: { only: true }, seed: 1 }, params_to_rename: { max_tokens: 'max_completion_tokens', name: 'never_top_level' } }, chat);
    expect(body).toEqual({ model: 'm', messages: chat.messages, temperature: 0, metadata: { only: true }, seed: 1, max_completion_tokens: 8 });
  });

  it('applies remove, then add, then rename (so an added key can be renamed and a removed one re-added)', async () => {
    const { body } = await sent({ params_to_remove: ['temperature', 'seed'], params_to_add: { temperature: 0.6, top_k: 20 }, params_to_rename: { top_k: 'k' } }, chat);
    expect(body.temperature).toBe(0.6);
    expect(body.k).toBe(20);
    expect(body).not.toHaveProperty('top_k');
  });

  it('spreads params_to_add.extra_body into the top level, as the OpenAI SDK does, winning over other added keys', async () => {
    const { body } = await sent(
      { params_to_add: { temperature: 0.5, extra_body: { chat_template_kwargs: { enable_thinking: false }, temperature: 0.7 } } },
      { model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 0 },
    );
    expect(body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 0.7, chat_template_kwargs: { enable_thinking: false } });
  });

  it('edits headers case-insensitively: remove, rename, then add (overriding), never hop-by-hop ones', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const { headers } = await sent(
      {
        headers_to_remove: ['X-Drop'],
        headers_to_rename: { 'X-Old': 'X-New' },
        headers_to_add: { 'X-Team': 'evals', 'X-Override': 'new', Host: 'evil.example', 'Content-Length': '1' },
      },
      chat,
      { 'x-drop': '1', 'x-old': 'moved', 'x-override': 'old', authorization: 'Bearer k' },
    );
    expect(headers['x-drop']).toBeUndefined();
    expect(headers['x-old']).toBeUndefined();
    expect(headers['x-new']).toBe('moved');
    expect(headers['x-team']).toBe('evals');
    expect(headers['x-override']).toBe('new');
    expect(headers.authorization).toBe('Bearer k');
    expect(headers.host).toMatch(/^127\.0\.0\.1:/);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('leaves the caller’s request untouched', async () => {
    const body = structuredClone(chat);
    const headers = { 'x-drop': '1' };
    await sent({ params_to_remove: ['name'], params_to_add: { seed: 1 }, params_to_rename: { model: 'engine' }, headers_to_remove: ['x-drop'] }, body, headers);
    expect(body).toEqual(chat);
    expect(headers).toEqual({ 'x-drop': '1' });
  });

  it('rejects bad config, naming the field', () => {
    const build = (config: unknown) => () => realPipeline('http://127.0.0.1:9/v1/chat/completions', { interceptors: [{ name: 'payload_modifier', config }] });
    expect(build({ params_to_add: { extra_body: 'x' } })).toThrow(ConfigError);
    expect(build({ params_to_add: { extra_body: 'x' } })).toThrow(/config\.params_to_add\.extra_body: must be a mapping/);
    expect(build({ params_to_rename: { max_tokens: 5 } })).toThrow(/config\.params_to_rename\.max_tokens/);
    expect(build({ params_to_remove: 'temperature' })).toThrow(/config\.params_to_remove/);
    expect(build({ params_to_drop: ['x'] })).toThrow(/unknown key "params_to_drop"/);
  });
});
