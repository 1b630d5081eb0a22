import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ApiEndpointSchema, ConfigParamsSchema, type ApiEndpoint, type ConfigParams } from '../../core/config/schema.js';
import { parseConfig } from '../../core/config/validation-errors.js';
import { ConfigError } from '../../core/errors.js';
import { createUndiciTransport } from '../http-transport.js';
import { buildPipeline } from '../pipeline/build-pipeline.js';
import type { InterceptorDefinition } from '../pipeline/interceptor-definition.js';
import { BUILT_IN_INTERCEPTORS } from '../pipeline/interceptor-registry.js';
import { createProxyHandler } from './proxy-handler.js';
import { readApiKey } from '../api-key.js';

/** Upstream connections kept when `params.parallelism` is not given: enough that none queue. */
const DEFAULT_UPSTREAM_CONNECTIONS = 256;

export interface AdapterServerOptions {
  /** The upstream endpoint: its full URL (with path), and optionally model id, type and key variable. */
  target: ApiEndpoint & { url: string };
  /** The interceptor chain, NeMo's `adapter_config` shape; defaults to `target.adapterConfig`. */
  adapterConfig?: Record<string, unknown>;
  /** Where interceptors put caches, logs and reports. */
  outputDir?: string;
  /** TCP port; 0 (default) takes a free one. (NeMo's adapter server scans up from 3825.) */
  port?: number;
  /** Bind address; default `127.0.0.1`, so only this machine (and host-network containers) can reach it. */
  host?: string;
  /** Retry count, per-attempt timeout (s) and upstream connection count the interceptors take as defaults. */
  params?: Pick<ConfigParams, 'maxRetries' | 'requestTimeout' | 'parallelism'>;
  /** Environment the `target.apiKeyName` variable is read from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Interceptors available to `adapterConfig` (default: the built-in ones). */
  interceptors?: ReadonlyMap<string, InterceptorDefinition>;
}

/** A running adapter server. */
export interface AdapterServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`; clients may append any path. */
  readonly url: string;
  readonly port: number;
  /**
   * Stops listening, aborts requests still under way, runs the interceptors' end-of-run steps and
   * returns their reports by interceptor name. Idempotent.
   */
  close(): Promise<Record<string, Record<string, unknown>>>;
}

const OptionsSchema = z.strictObject({
  target: ApiEndpointSchema.required({ url: true }),
  adapterConfig: z.record(z.string(), z.unknown()).optional(),
  outputDir: z.string().min(1).optional(),
  port: z.int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  params: ConfigParamsSchema.pick({ maxRetries: true, requestTimeout: true, parallelism: true }).optional(),
});


function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError('port', `${host}:${port} is already in use`, 'choose another port (--port), or 0 for a free one')
          : error,
      );
    });
    server.listen(port, host, () => resolve());
  });
}

/**
 * Serves the adapter pipeline as a local OpenAI-compatible endpoint, as NeMo's adapter server does
 * for container harnesses: every POST, on `/` or any path, runs through the interceptors built from
 * `adapterConfig` (same rules as in-process runs) to `target.url`. With `target.apiKeyName` the
 * proxy sends `Authorization: Bearer $KEY` upstream in place of anything the client sent, so
 * clients need no key; without it the client's own header is forwarded. Routes and reply
 * semantics: `createProxyHandler`.
 */
export async function startAdapterServer(options: AdapterServerOptions): Promise<AdapterServer> {
  const { interceptors, env, ...data } = options;
  const parsed = parseConfig(OptionsSchema, data, 'startAdapterServer options');
  const { target, params = {} } = parsed;
  const apiKey = readApiKey(target.apiKeyName, env ?? process.env, "drop api_key_name to forward the clients' own Authorization header");
  const host = parsed.host ?? '127.0.0.1';
  const transport = createUndiciTransport(params.parallelism ?? DEFAULT_UPSTREAM_CONNECTIONS);
  const pipeline = buildPipeline(
    parsed.adapterConfig ?? target.adapterConfig,
    {
      outputDir: parsed.outputDir,
      endpoint: { url: target.url, modelId: target.modelId ?? '', type: target.type ?? 'chat' },
      params,
      transport,
      secrets: apiKey === undefined ? [] : [apiKey],
    },
    interceptors ?? BUILT_IN_INTERCEPTORS,
  );

  const closing = new AbortController();
  const underWay = new Set<Promise<void>>();
  const server = createServer(
    createProxyHandler({
      handle: pipeline.handle,
      url: target.url,
      modelId: target.modelId,
      apiKey,
      closing: closing.signal,
      track(done) {
        underWay.add(done);
        void done.finally(() => underWay.delete(done));
      },
    }),
  );
  try {
    await listen(server, parsed.port ?? 0, host);
  } catch (error) {
    await transport.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closed: Promise<Record<string, Record<string, unknown>>> | undefined;

  async function stop(): Promise<Record<string, Record<string, unknown>>> {
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    closing.abort();
    await Promise.allSettled([...underWay]);
    server.closeAllConnections();
    await stopped;
    try {
      return await pipeline.finish();
    } finally {
      await transport.close();
    }
  }

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => (closed ??= stop()),
  };
}
