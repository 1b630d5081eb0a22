import { afterEach, describe, expect, it } from 'vitest';
import { responseJson } from '../../../src/adapters/pipeline/types.js';
import { ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer } from '../../../src/testing/index.js';
import { realPipeline } from '../../helpers/real-pipeline.js';
import { chatReply, startScriptedEndpoint, type ScriptedEndpoint, type ScriptedReply } from '../../helpers/scripted-endpoint.js';

let server: MockServer | undefined;
let endpoint: ScriptedEndpoint | undefined;
afterEach(async () => {
  await server?.close();
  await endpoint?.close();
  server = undefined;
  endpoint = undefined;
});

const chat = { model: 'm', messages: [{ role: 'user', content: 'q' }] };
const contentOf = (json: any): unknown => json.choices[0].message.content;

/** A pipeline with one reasoning step (listed after endpoint, as NeMo's examples do) over `url`. */
const through = (url: string, config: Record<string, unknown> = {}) => realPipeline(url, { interceptors: ['endpoint', { name: 'reasoning', config }] });

async function scripted(reply: (n: number) => ScriptedReply): Promise<string> {
  endpoint = await startScriptedEndpoint((_, n) => reply(n));
  return endpoint.url;
}

describe('reasoning interceptor', () => {
  it('strips the reasoning from chat content and reports statistics at the end', async () => {
    server = await createMockServer({ replies: { a: '<think>add two and two</think>\n\nAnswer: 4', b: '<think>never ends', c: 'just 5' } });
    const run = through(server.chatUrl);
    const reply = async (q: string) => contentOf(responseJson(await run.send({ model: 'm', messages: [{ role: 'user', content: q }] })));
    expect(await reply('a')).toBe('Answer: 4');
    expect(await reply('b')).toBe('<think>never ends');
    expect(await reply('c')).toBe('just 5');
    expect((await run.finish()).reasoning).toMatchObject({
      total_responses: 3,
      responses_with_reasoning: 2,
      reasoning_started_count: 2,
      reasoning_finished_count: 1,
      reasoning_unfinished_count: 1,
      reasoning_finished_ratio: 0.5,
      max_reasoning_words: 4,
      avg_reasoning_words: 2,
      avg_reasoning_tokens: null,
    });
  });

  it('strips completions choices[].text too', async () => {
    server = await createMockServer({ defaultReply: 'scratch work</think> 42' });
    const run = through(server.completionsUrl);
    const json = responseJson(await run.send({ model: 'm', prompt: 'Q:' })) as any;
    await run.finish();
    expect(json.choices[0].text).toBe(' 42');
  });

  it('blanks unfinished reasoning with include_if_not_finished: false', async () => {
    server = await createMockServer({ defaultReply: '<think>out of tokens' });
    const run = through(server.chatUrl, { include_if_not_finished: false });
    expect(contentOf(responseJson(await run.send(chat)))).toBe('');
    await run.finish();
  });

  it('only counts replies with reasoning_content, taking reasoning tokens from usage', async () => {
    const url = await scripted(() => ({ body: chatReply('<think>kept</think>Answer', { reasoning_content: 'the trace' }, { completion_tokens: 12, completion_tokens_details: { reasoning_tokens: 9 } }) }));
    const run = through(url);
    const response = await run.send(chat);
    expect(contentOf(responseJson(response))).toBe('<think>kept</think>Answer');
    expect((await run.finish()).reasoning).toMatchObject({ total_responses: 1, reasoning_finished_count: 1, avg_reasoning_tokens: 9, max_reasoning_words: 2 });
  });

  it('still strips a cache hit but leaves it out of the statistics', async () => {
    server = await createMockServer({ defaultReply: '<think>r</think>A' });
    const run = through(server.chatUrl);
    expect(contentOf(responseJson(await run.send(chat, { context: { cacheHit: true } })))).toBe('A');
    expect((await run.finish()).reasoning).toMatchObject({ total_responses: 0 });
  });

  it('passes replies through with add_reasoning: false, or migrates reasoning_content into content', async () => {
    const url = await scripted(() => ({ body: chatReply('Answer', { reasoning_content: 'why' }) }));
    const off = through(url, { add_reasoning: false });
    const untouched = await off.send(chat);
    expect(contentOf(JSON.parse(untouched.body))).toBe('Answer');
    expect(await off.finish()).toEqual({ reasoning: expect.objectContaining({ total_responses: 0 }) });

    const migrate = through(url, { add_reasoning: false, migrate_reasoning_content: true });
    expect(contentOf(JSON.parse((await migrate.send(chat)).body))).toBe('<think>why</think>Answer');
    await migrate.finish();
  });

  it('leaves streamed and error replies alone and keeps no stats with enable_reasoning_tracking: false', async () => {
    const sse = 'data: {"choices":[{"delta":{"content":"<think>x</think>y"}}]}\n\ndata: [DONE]\n\n';
    const url = await scripted((n) => (n === 0 ? { body: sse, headers: { 'content-type': 'text/event-stream' } } : { status: 400, body: { error: { message: 'bad' } } }));
    const run = through(url, { enable_reasoning_tracking: false });
    expect((await run.send({ ...chat, stream: true })).body).toBe(sse);
    expect((await run.send(chat)).status).toBe(400);
    expect(await run.finish()).toEqual({});
  });

  it('rewrites the body only when a text changed', async () => {
    const raw = (content: string) => `{ "choices": [ { "index": 0, "message": { "role": "assistant", "content": "${content}" } } ] }`;
    const url = await scripted((n) => ({ body: raw(n === 0 ? 'no reasoning' : '<think>r</think>A') }));
    const run = through(url);
    expect((await run.send(chat)).body).toBe(raw('no reasoning'));
    const changed = await run.send(chat);
    await run.finish();
    expect(JSON.parse(changed.body)).toEqual({ choices: [{ index: 0, message: { role: 'assistant', content: 'A' } }] });
    expect(responseJson(changed)).toEqual(JSON.parse(changed.body));
  });

  it('rejects bad config, naming the field', () => {
    const build = (config: unknown) => () => realPipeline('http://127.0.0.1:9/v1/chat/completions', { interceptors: [{ name: 'reasoning', config }] });
    expect(build({ end_reasoning_token: '' })).toThrow(ConfigError);
    expect(build({ end_reasoning_token: '' })).toThrow(/config\.end_reasoning_token/);
    expect(build({ include_if_not_finished: 'no' })).toThrow(/config\.include_if_not_finished/);
    expect(build({ start_token: '<t>' })).toThrow(/unknown key "start_token"/);
    expect(build({ start_reasoning_token: null, cache_dir: '/tmp/x', enable_caching: false, stats_file_saving_interval: 10, logging_aggregated_stats_interval: 5 })).not.toThrow();
  });
});
