import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../../src/api/evaluate.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const KEY = 'sk-evalforge-e2e-never-written-31337';

describe('evaluate() never writes the API key', () => {
  it('keeps the key out of every file while every logging and rewriting interceptor runs unlimited', async () => {
    // The model echoes the key inside its reasoning and the first two attempts fail, so the key
    // reaches request headers, response bodies and failed-request records.
    server = await createMockServer({ requireApiKey: KEY, defaultReply: `<think>I was given ${KEY}</think>Answer: A`, faults: { failFirst: 2 } });
    const dir = await mkdtemp(join(tmpdir(), 'evalforge-redaction-'));
    await evaluate(
      { type: 'mmlu', outputDir: dir, params: { limitSamples: 4, parallelism: 2, maxRetries: 3 } },
      {
        apiEndpoint: {
          url: server.chatUrl,
          modelId: 'mock',
          type: 'chat',
          apiKeyName: 'EVALFORGE_REDACTION_KEY',
          adapterConfig: {
            log_failed_requests: true,
            interceptors: [
              { name: 'system_message', config: { system_message: 'Be brief.' } },
              { name: 'payload_modifier', config: { params_to_add: { extra_body: { seed: 1 } }, headers_to_add: { 'X-Team': 'evals' } } },
              { name: 'request_logging', config: { max_requests: null } },
              { name: 'retry', config: { base_delay_ms: 1, max_delay_ms: 2 } },
              'endpoint',
              // Innermost, so it logs the raw replies before reasoning strips the echoed key.
              'reasoning',
              { name: 'response_logging', config: { max_responses: null } },
            ],
          },
        },
      },
      { env: { EVALFORGE_REDACTION_KEY: KEY } },
    );

    const files = await filesUnder(dir);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(
      expect.arrayContaining(['logs/failed_requests.jsonl', 'logs/requests.jsonl', 'logs/responses.jsonl', 'results.yml', 'samples.jsonl']),
    );
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(KEY);

    const lines = async (name: string) => (await readFile(join(dir, 'logs', name), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    const requests = await lines('requests.jsonl');
    expect(requests).toHaveLength(4);
    expect(requests[0].headers).toMatchObject({ authorization: '[REDACTED]', 'x-team': 'evals' });
    expect(requests[0].body).toMatchObject({ seed: 1, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user' }] });
    const responses = await lines('responses.jsonl');
    expect(responses).toHaveLength(6);
    expect(JSON.stringify(responses)).toContain('I was given [REDACTED]');
    expect(await lines('failed_requests.jsonl')).toHaveLength(2);

    const samples = (await readFile(join(dir, 'samples.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(samples.map((s) => s.response)).toEqual(['Answer: A', 'Answer: A', 'Answer: A', 'Answer: A']);
    const results = parseYaml(await readFile(join(dir, 'results.yml'), 'utf8'));
    expect(results.evalforge.interceptors).toMatchObject({
      reasoning: { total_responses: 4, reasoning_finished_count: 4 },
      request_logging: { logged: 4 },
      response_logging: { logged: 6 },
      log_failed_requests: { logged: 2 },
    });
  });
});
