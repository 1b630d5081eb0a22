import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer } from '../../../src/testing/index.js';
import { realPipeline } from '../../helpers/real-pipeline.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What the endpoint received for `body` sent through a system_message step with `config`. */
async function sent(config: Record<string, unknown>, body: Record<string, unknown>, kind: 'chat' | 'completions' = 'chat'): Promise<any> {
  server = await createMockServer({ defaultReply: 'ok', recordRequests: true });
  const run = realPipeline(kind === 'chat' ? server.chatUrl : server.completionsUrl, { interceptors: [{ name: 'system_message', config }, 'endpoint'] });
  expect((await run.send(body)).status).toBe(200);
  await run.finish();
  return server.requests()[0];
}

const conversation = {
  model: 'm',
  messages: [
    { role: 'system', content: 'Old one.' },
    { role: 'user', content: 'Q1' },
    { role: 'assistant', content: 'A1' },
    { role: 'system', content: 'Old two.' },
    { role: 'user', content: 'Q2' },
  ],
  max_tokens: 5,
};
const others = conversation.messages.filter((m) => m.role !== 'system');

describe('system_message interceptor', () => {
  it('prepends by default: existing system texts joined with "\\n" become one first message', async () => {
    const body = await sent({ system_message: 'Think step by step.' }, conversation);
    expect(body).toEqual({ ...conversation, messages: [{ role: 'system', content: 'Think step by step.\nOld one.\nOld two.' }, ...others] });
  });

  it('appends and replaces', async () => {
    expect((await sent({ system_message: 'New.', strategy: 'append' }, conversation)).messages[0]).toEqual({ role: 'system', content: 'Old one.\nOld two.\nNew.' });
    await server?.close();
    const replaced = await sent({ system_message: 'New.', strategy: 'replace' }, conversation);
    expect(replaced.messages).toEqual([{ role: 'system', content: 'New.' }, ...others]);
  });

  it('adds just the new message when there is no (or only empty) system text', async () => {
    const plain = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    expect((await sent({ system_message: 'S', strategy: 'append' }, plain)).messages).toEqual([{ role: 'system', content: 'S' }, { role: 'user', content: 'hi' }]);
    await server?.close();
    const empty = { model: 'm', messages: [{ role: 'system', content: '' }, { role: 'user', content: 'hi' }] };
    expect((await sent({ system_message: 'S' }, empty)).messages[0]).toEqual({ role: 'system', content: 'S' });
  });

  it('reads the text parts of a system message given as content parts', async () => {
    const parts = { model: 'm', messages: [{ role: 'system', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }, { role: 'user', content: 'hi' }] };
    expect((await sent({ system_message: 'S' }, parts)).messages[0]).toEqual({ role: 'system', content: 'S\nab' });
  });

  it('passes a completions body unchanged', async () => {
    const completions = { model: 'm', prompt: 'Question: 1+1\nAnswer:', max_tokens: 3 };
    expect(await sent({ system_message: 'S' }, completions, 'completions')).toEqual(completions);
  });

  it('leaves the caller’s body untouched', async () => {
    const body = structuredClone(conversation);
    await sent({ system_message: 'S' }, body);
    expect(body).toEqual(conversation);
  });

  it('requires system_message and a known strategy, naming the field', () => {
    const build = (config: unknown) => () => realPipeline('http://127.0.0.1:9/v1/chat/completions', { interceptors: [{ name: 'system_message', config }] });
    expect(build({})).toThrow(ConfigError);
    expect(build({})).toThrow(/interceptors\[0\]\.config\.system_message/);
    expect(build({ system_message: 'S', strategy: 'insert' })).toThrow(/interceptors\[0\]\.config\.strategy/);
    expect(build({ system_message: 'S', stratgy: 'append' })).toThrow(/unknown key "stratgy"/);
  });
});
