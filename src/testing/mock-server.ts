import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../core/errors.js';
import { CapacityGate } from './capacity-gate.js';
import { CHAT_PATH, COMPLETIONS_PATH, createMockHandler } from './mock-request-handler.js';
import { validateMockServerOptions, type MockServerOptions } from './mock-server-options.js';
import { RequestStats, type MockServerStats } from './request-stats.js';

/** A running mock OpenAI-compatible server. */
export interface MockServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** `${url}/v1/chat/completions` */
  readonly chatUrl: string;
  /** `${url}/v1/completions` */
  readonly completionsUrl: string;
  /** A snapshot of the counters (semantics on `MockServerStats`). */
  stats(): MockServerStats;
  /** Zeroes the totals and forgets recorded requests; fault counting is per server and continues. */
  resetStats(): void;
  /**
   * A copy of the parsed JSON bodies of generation requests, in arrival order, including ones that
   * were then rejected or faulted (so retries show up). Throws unless `recordRequests: true`.
   */
  requests(): unknown[];
  /** Stops listening and drops every open connection, hung and queued requests included. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts an OpenAI-compatible mock server on 127.0.0.1 (see `MockServerOptions` for scripting,
 * latency, capacity and faults). Keep-alive is on and nothing is logged or recorded unless asked,
 * so it can serve throughput benchmarks.
 */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  validateMockServerOptions(options);
  const stats = new RequestStats();
  const gate = new CapacityGate(options.capacity);
  const recorded: unknown[] | undefined = options.recordRequests ? [] : undefined;
  const server = createServer(createMockHandler(options, { stats, gate, recorded }));
  await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closed: Promise<void> | undefined;

  return {
    url,
    chatUrl: `${url}${CHAT_PATH}`,
    completionsUrl: `${url}${COMPLETIONS_PATH}`,
    stats: () => stats.snapshot(gate.queued),
    resetStats: () => {
      stats.reset();
      recorded?.splice(0);
    },
    requests: () => {
      if (recorded === undefined) {
        throw new ConfigError('recordRequests', 'is off, so no request bodies were kept', 'pass recordRequests: true to createMockServer');
      }
      return recorded.slice();
    },
    close: () => (closed ??= stop(server)),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError('port', `127.0.0.1:${port} is already in use`, 'choose another port, or 0 for a free one')
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
