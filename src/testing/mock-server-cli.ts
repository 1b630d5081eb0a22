import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors.js';
import { createMockServer, type MockServer } from './mock-server.js';
import { validateMockServerOptions, type MockServerOptions } from './mock-server-options.js';

/** Flag name per option, for error messages. */
const FLAG_OF: Readonly<Record<string, string>> = { port: '--port', latencyMs: '--latency-ms', capacity: '--capacity' };

const FLAGS = {
  port: { type: 'string' },
  'latency-ms': { type: 'string' },
  capacity: { type: 'string' },
  'default-reply': { type: 'string' },
} as const;

/**
 * Starts a mock server from command-line flags (`argv` without node and script, i.e.
 * `process.argv.slice(2)`): `--port N` (default 0 = free port), `--latency-ms N`, `--capacity N`,
 * `--default-reply TEXT`. Writes the base URL and a newline to `out`, and returns the server, which
 * keeps the process alive until closed.
 */
export async function runMockServerCli(
  argv: readonly string[],
  out: { write(text: string): unknown } = process.stdout,
): Promise<MockServer> {
  let values: { [K in keyof typeof FLAGS]?: string };
  try {
    ({ values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new ConfigError('', (error as Error).message, `valid flags: ${Object.keys(FLAGS).map((f) => `--${f}`).join(', ')}`);
  }
  const options: MockServerOptions = {};
  if (values.port !== undefined) options.port = numberFlag('port', values.port);
  if (values['latency-ms'] !== undefined) options.latencyMs = numberFlag('latency-ms', values['latency-ms']);
  if (values.capacity !== undefined) options.capacity = numberFlag('capacity', values.capacity);
  if (values['default-reply'] !== undefined) options.defaultReply = values['default-reply'];
  validateMockServerOptions(options, (path) => FLAG_OF[String(path[0])] ?? path.join('.'));
  const server = await createMockServer(options);
  out.write(`${server.url}\n`);
  return server;
}

function numberFlag(flag: string, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) throw new ConfigError(`--${flag}`, `expected a number, got "${value}"`);
  return number;
}
