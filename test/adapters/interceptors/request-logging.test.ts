import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { createMockServer, type MockServer } from '../../../src/testing/index.js';
import { realPipeline } from '../../helpers/real-pipeline.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = 'sk-request-logging-secret-42';
const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-request-logging-'));
const readLines = async (path: string) => (await readFile(path, 'utf8')).trimEnd().split('\n');

/** Sends `n` chat requests with the key in the header and in the prompt; returns the log lines and report. */
async function logRequests(config: Record<string, unknown>, n: number, query = '') {
  server = await createMockServer({ defaultReply: 'ok', requireApiKey: KEY });
  const outputDir = await tempDir();
  const run = realPipeline(`${server.chatUrl}${query}`, { interceptors: [{ name: 'request_logging', config }, 'endpoint'] }, { outputDir, secrets: [KEY] });
  for (let i = 0; i < n; i++) {
    const response = await run.send(
      { model: 'm', messages: [{ role: 'user', content: `echo ${KEY} #${i}` }] },
      { headers: { authorization: `Bearer ${KEY}`, 'x-api-key': KEY, 'x-trace': 't' }, context: { sampleId: `s${i}` } },
    );
    expect(response.status).toBe(200);
  }
  const report = (await run.finish()).request_logging;
  const text = await readFile(join(outputDir, 'logs', 'requests.jsonl'), 'utf8');
  return { text, lines: await readLines(join(outputDir, 'logs', 'requests.jsonl')), report };
}

describe('request_logging interceptor', () => {
  it('logs the first 2 requests by default, with headers and secrets redacted', async () => {
    const { text, lines, report } = await logRequests({}, 3, '?api_key=abc');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('abc');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(first).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      sample_id: 's0',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions\?…$/),
      headers: { 'content-type': 'application/json', authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', 'x-trace': 't' },
      body: { model: 'm', messages: [{ role: 'user', content: 'echo [REDACTED] #0' }] },
    });
    expect(report).toEqual({ file: 'logs/requests.jsonl', logged: 2 });
  });

  it('logs every request with max_requests: null, leaving out body and headers on request', async () => {
    const { lines, report } = await logRequests({ max_requests: null, log_request_body: false, log_request_headers: false }, 5);
    expect(lines).toHaveLength(5);
    expect(Object.keys(JSON.parse(lines[4]!))).toEqual(['time', 'sample_id', 'url']);
    expect(report).toMatchObject({ logged: 5 });
  });

  it('needs an output dir and a valid config', () => {
    const build = (config: unknown, outputDir?: string) => () =>
      realPipeline('http://127.0.0.1:9/v1/chat/completions', { interceptors: [{ name: 'request_logging', config }] }, { outputDir });
    expect(build({})).toThrow(ConfigError);
    expect(build({})).toThrow(/request_logging.*output dir/);
    expect(build({ max_requests: -1 }, '/tmp')).toThrow(/config\.max_requests/);
    expect(build({ log_body: true }, '/tmp')).toThrow(/unknown key "log_body"/);
  });
});
