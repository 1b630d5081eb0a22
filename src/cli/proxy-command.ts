import { mkdir } from 'node:fs/promises';
import { startAdapterServer, type AdapterServerOptions } from '../adapters/proxy/adapter-server.js';
import { redactUrl } from '../adapters/redact-url.js';
import { toCamelCaseKeys } from '../core/config/case.js';
import { mergeLayers } from '../core/config/merge.js';
import { EvaluationConfigSchema, EvaluationTargetSchema, type EvaluationConfig, type EvaluationTarget } from '../core/config/schema.js';
import { parseConfig } from '../core/config/validation-errors.js';
import { ConfigError } from '../core/errors.js';
import { toNemoYaml, writeYamlFile } from '../core/results/results-files.js';
import { parseProxyArgs, type ProxyArgs } from './args.js';
import type { CliIo } from './commands.js';
import { readRunConfigFile } from './run-config-file.js';

/** Written to `--output_dir` when the proxy stops. */
const REPORT_FILE = 'proxy_report.yml';

interface ProxyLayer {
  config?: EvaluationConfig;
  target?: EvaluationTarget;
}

function normalize(layer: { config?: unknown; target?: unknown }): ProxyLayer {
  const camel = toCamelCaseKeys(layer) as { config?: unknown; target?: unknown };
  return {
    config: camel.config === undefined ? undefined : parseConfig(EvaluationConfigSchema, camel.config, 'config'),
    target: camel.target === undefined ? undefined : parseConfig(EvaluationTargetSchema, camel.target, 'target'),
  };
}

function portFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ConfigError('--port', `expected a port number from 0 to 65535, got "${value}"`, 'use 0 for a free port');
  return port;
}

/**
 * The server options: the run config's `target.api_endpoint` (adapter_config included),
 * `config.output_dir` and `config.params` (max_retries, request_timeout, parallelism), with the
 * flags over them.
 */
async function proxyOptions(args: ProxyArgs): Promise<AdapterServerOptions> {
  const fromFile = args.run_config ? normalize(await readRunConfigFile(args.run_config)) : {};
  const fromFlags = normalize({
    config: { output_dir: args.output_dir },
    target: { api_endpoint: { url: args.model_url, model_id: args.model_id, type: args.model_type, api_key_name: args.api_key_name } },
  });
  const merged = mergeLayers<ProxyLayer>(fromFile, fromFlags);
  const endpoint = merged.target?.apiEndpoint ?? {};
  if (!endpoint.url) {
    throw new ConfigError(
      '--model_url',
      'missing: the upstream endpoint to forward to',
      'give its full URL incl. path, e.g. http://localhost:8000/v1/chat/completions (or target.api_endpoint.url in --run_config)',
    );
  }
  const params = merged.config?.params ?? {};
  return {
    target: { ...endpoint, url: endpoint.url },
    outputDir: merged.config?.outputDir,
    port: portFlag(args.port),
    host: args.host,
    params: { maxRetries: params.maxRetries, requestTimeout: params.requestTimeout, parallelism: params.parallelism },
  };
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * `evalforge proxy`: serves the adapter pipeline for the given upstream on a local port (see
 * `startAdapterServer`). Prints the proxy's base URL as the first stdout line, runs until the CLI's
 * signal aborts (SIGINT/SIGTERM), then prints the interceptor reports as YAML and, with an output
 * dir, writes them to `<output_dir>/proxy_report.yml`.
 */
export async function runProxy(argv: string[], io: CliIo): Promise<void> {
  const options = await proxyOptions(parseProxyArgs(argv));
  if (options.outputDir) await mkdir(options.outputDir, { recursive: true });
  const server = await startAdapterServer(options);
  io.stdout.write(`${server.url}\n`);
  io.stderr.write(`evalforge proxy: POSTs on any path of ${server.url} go through the adapter pipeline to ${redactUrl(options.target.url)}; Ctrl-C stops.\n`);
  await untilAborted(io.signal);
  const reports = await server.close();
  const document = { interceptors: reports };
  io.stdout.write(toNemoYaml(document));
  if (options.outputDir) io.stderr.write(`reports: ${await writeYamlFile(options.outputDir, REPORT_FILE, document)}\n`);
}
