import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../../src/adapters/pipeline/types.js';
import { ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer } from '../../../src/testing/index.js';
import { realPipeline } from '../../helpers/real-pipeline.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = 'sk-failed-requests-secret-9';
const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-failed-requests-'));
const fastRetry = { name: 'retry', config: { max_retries: 3, base_delay_ms: 1, max_delay_ms: 2 } };
const body = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
const auth = { authorization: `Bearer ${KEY}` };

describe('adapter_config.log_failed_requests', () => {
  it('records each failed attempt as sent, redacted, and nothing for successes', async () => {
    server = await createMockServer({ defaultReply: 'ok', faults: { failFirst: 1, rateLimitFirst: 1, status: 503 } });
    const outputDir = await tempDir();
    const run = realPipeline(server.chatUrl, { log_failed_requests: true, interceptors: [fastRetry, 'endpoint'] }, { outputDir, secrets: [KEY] });
    expect((await run.send(body, { headers: auth, context: { sampleId: 's1' } })).status).toBe(200);
    const reports = await run.finish();
    const text = await readFile(join(outputDir, 'logs', 'failed_requests.jsonl'), 'utf8');
    expect(text).not.toContain(KEY);
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.attempt, l.response.status_code])).toEqual([
      [1, 429],
      [2, 503],
    ]);
    expect(lines[0]).toMatchObject({ sample_id: 's1', request: { headers: { authorization: '[REDACTED]' }, body } });
    expect(reports.log_failed_requests).toEqual({ file: 'logs/failed_requests.jsonl', logged: 2 });
  });

  it('records a request that got no reply with its error', async () => {
    const outputDir = await tempDir();
    const run = realPipeline('http://127.0.0.1:9/v1/chat/completions', { log_failed_requests: true }, { outputDir, secrets: [KEY] });
    await expect(run.send(body, { headers: auth })).rejects.toBeInstanceOf(TransportError);
    await run.finish();
    const [line] = (await readFile(join(outputDir, 'logs', 'failed_requests.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(line).toMatchObject({ attempt: 1, error: expect.stringMatching(/connection failed/), request: { headers: { authorization: '[REDACTED]' } } });
  });

  it('is off by default and needs an output dir when on', async () => {
    const outputDir = await tempDir();
    server = await createMockServer({ faults: { failFirst: 1, status: 400 } });
    const run = realPipeline(server.chatUrl, { interceptors: ['endpoint'] }, { outputDir });
    await run.send(body);
    expect(await run.finish()).not.toHaveProperty('log_failed_requests');
    expect(existsSync(join(outputDir, 'logs'))).toBe(false);
    expect(() => realPipeline(server!.chatUrl, { log_failed_requests: true })).toThrow(ConfigError);
  });
});
