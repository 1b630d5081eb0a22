import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { realPipeline } from '../../helpers/real-pipeline.js';
import { chatReply, startScriptedEndpoint, type ScriptedEndpoint } from '../../helpers/scripted-endpoint.js';

let endpoint: ScriptedEndpoint | undefined;
afterEach(async () => {
  await endpoint?.close();
  endpoint = undefined;
});

const KEY = 'sk-response-logging-secret-7';
const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-response-logging-'));

/**
 * Four replies: one echoing the key with a cookie header, one plain text 500, one ordinary, one
 * pretty-printed over several lines echoing the key.
 */
async function logResponses(config: Record<string, unknown>) {
  const pretty = JSON.stringify(chatReply(`again ${KEY} and "quoted"`), null, 2);
  endpoint = await startScriptedEndpoint((_, n) =>
    n === 0
      ? { headers: { 'set-cookie': `session=${KEY}`, 'x-request-id': 'r0' }, body: chatReply(`your key ${KEY}`) }
      : n === 1
        ? { status: 500, body: 'upstream exploded' }
        : n === 2
          ? { body: chatReply('fine') }
          : { body: pretty },
  );
  const outputDir = await tempDir();
  const run = realPipeline(endpoint.url, { interceptors: ['endpoint', { name: 'response_logging', config }] }, { outputDir, secrets: [KEY] });
  for (let i = 0; i < 4; i++) await run.send({ model: 'm', messages: [] }, { context: { sampleId: `s${i}` } });
  const report = (await run.finish()).response_logging;
  const text = await readFile(join(outputDir, 'logs', 'responses.jsonl'), 'utf8');
  return { text, lines: text.trimEnd().split('\n').map((line) => JSON.parse(line)), report };
}

describe('response_logging interceptor', () => {
  it('logs every reply by default (JSON parsed, text kept), redacting secrets and credential headers', async () => {
    const { text, lines, report } = await logResponses({});
    expect(text).not.toContain(KEY);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      sample_id: 's0',
      status_code: 200,
      latency_ms: expect.any(Number),
      headers: { 'set-cookie': '[REDACTED]', 'x-request-id': 'r0' },
      body: { choices: [{ message: { content: 'your key [REDACTED]' } }] },
    });
    expect(lines[1]).toMatchObject({ status_code: 500, body: 'upstream exploded' });
    // One-line JSON replies go in as received, a multi-line one is re-serialized onto its line.
    expect(Object.keys(lines[2])).toEqual(['time', 'sample_id', 'status_code', 'latency_ms', 'headers', 'body']);
    expect(lines[2].body).toEqual(chatReply('fine'));
    expect(lines[3].body.choices[0].message.content).toBe('again [REDACTED] and "quoted"');
    expect(report).toEqual({ file: 'logs/responses.jsonl', logged: 4 });
  });

  it('stops at max_responses and leaves out body and headers on request', async () => {
    const { lines } = await logResponses({ max_responses: 1, log_response_body: false, log_response_headers: false });
    expect(lines).toHaveLength(1);
    expect(Object.keys(lines[0])).toEqual(['time', 'sample_id', 'status_code', 'latency_ms']);
  });

  it('needs an output dir and a valid config', () => {
    const build = (config: unknown, outputDir?: string) => () =>
      realPipeline('http://127.0.0.1:9/v1/chat/completions', { interceptors: [{ name: 'response_logging', config }] }, { outputDir });
    expect(build({})).toThrow(ConfigError);
    expect(build({ max_responses: 1.5 }, '/tmp')).toThrow(/config\.max_responses/);
  });
});
