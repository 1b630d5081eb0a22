import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { ResolvedEndpoint } from '../core/config/resolve-run.js';
import type { ConfigParams } from '../core/config/schema.js';
import { ConfigError, EndpointError } from '../core/errors.js';
import type { ModelPrompt } from '../core/task.js';
import { startAttemptSignal } from './attempt-signal.js';
import { createFetchTransport, createUndiciTransport, type HttpTransport } from './http-transport.js';
import { buildRequestBody, MalformedReplyError, parseReply, parseStreamedReply, type ModelReply } from './openai-payload.js';
import { redactUrl } from './redact-url.js';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, type RetryPolicy } from './retry-policy.js';

export type { ModelReply } from './openai-payload.js';

/** Sends one prompt to the model and returns its reply, retrying transient failures. */
export interface ModelClient {
  generate(prompt: ModelPrompt, signal: AbortSignal): Promise<ModelReply>;
  close(): Promise<void>;
}

export interface ModelClientOptions {
  fetch?: typeof fetch;
  dispatcher?: Dispatcher;
  env?: NodeJS.ProcessEnv;
  retry?: Partial<RetryPolicy>;
}

/** Reads the key from the environment variable the user named; the key goes nowhere but the header. */
function authorizationHeader(endpoint: ResolvedEndpoint, env: NodeJS.ProcessEnv): Record<string, string> {
  if (!endpoint.apiKeyName) return {};
  const key = env[endpoint.apiKeyName];
  if (!key) {
    throw new ConfigError(
      'target.api_endpoint.api_key_name',
      `environment variable ${endpoint.apiKeyName} is not set or empty`,
      `export ${endpoint.apiKeyName}=<your key> before running, or drop api_key_name for an endpoint without auth`,
    );
  }
  return { authorization: `Bearer ${key}` };
}

function serverMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof message === 'string') return message.slice(0, 300);
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return body.slice(0, 300);
}

export function createModelClient(endpoint: ResolvedEndpoint, params: ConfigParams, options: ModelClientOptions = {}): ModelClient {
  const headers = { 'content-type': 'application/json', ...authorizationHeader(endpoint, options.env ?? process.env) };
  const transport: HttpTransport = options.fetch
    ? createFetchTransport(options.fetch)
    : createUndiciTransport(params.parallelism ?? 1, options.dispatcher);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry, maxRetries: params.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries };
  const timeoutMs = (params.requestTimeout ?? 60) * 1000;
  const shownUrl = redactUrl(endpoint.url);
  const settings = {
    model: endpoint.modelId,
    maxNewTokens: params.maxNewTokens,
    temperature: params.temperature,
    topP: params.topP,
    stream: endpoint.stream,
  };

  async function attempt(prompt: ModelPrompt, signal: AbortSignal): Promise<ModelReply> {
    const body = JSON.stringify(buildRequestBody(prompt, settings));
    let lastProblem = '';
    for (let attemptIndex = 0; ; attemptIndex++) {
      let retryAfter: string | undefined;
      const attemptSignal = startAttemptSignal(signal, timeoutMs);
      try {
        const reply = await transport.postJson(endpoint.url, body, headers, attemptSignal.signal);
        if (reply.status === 200) return endpoint.stream ? parseStreamedReply(reply.body, prompt.kind) : parseReply(reply.body, prompt.kind);
        lastProblem = `HTTP ${reply.status}: ${serverMessage(reply.body)}`;
        if (!isRetryableStatus(reply.status)) {
          throw new EndpointError(
            `${shownUrl} rejected the request with ${lastProblem}`,
            shownUrl,
            reply.status,
            reply.status === 401 || reply.status === 403
              ? 'check the key in the environment variable named by api_key_name'
              : reply.status === 404
                ? 'check --model_url: it must be the full URL incl. path (/v1/chat/completions or /v1/completions) and --model_id must be served there'
                : 'check the model id, endpoint type and generation params the server accepts',
          );
        }
        retryAfter = reply.headers['retry-after'];
      } catch (error) {
        if (signal.aborted) throw error;
        if (error instanceof EndpointError) throw error;
        lastProblem =
          error instanceof MalformedReplyError
            ? error.message
            : error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
              ? `no reply within ${timeoutMs / 1000} s`
              : `connection failed (${(error as Error).message})`;
      } finally {
        attemptSignal.end();
      }
      if (attemptIndex >= policy.maxRetries) {
        throw new EndpointError(
          `${shownUrl} failed after ${attemptIndex + 1} attempts; last: ${lastProblem}`,
          shownUrl,
          undefined,
          'check that the endpoint is up and reachable, or raise config.params.max_retries / request_timeout',
        );
      }
      await sleep(retryDelayMs(policy, attemptIndex, retryAfter), undefined, { signal });
    }
  }

  return { generate: attempt, close: () => transport.close() };
}
