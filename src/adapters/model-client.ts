import type { Dispatcher } from 'undici';
import type { ResolvedEndpoint } from '../core/config/resolve-run.js';
import type { ConfigParams } from '../core/config/schema.js';
import { ConfigError, EndpointError } from '../core/errors.js';
import type { ChatMessage, ModelPrompt, MultiTurnPrompt } from '../core/task.js';
import { readApiKey } from './api-key.js';
import { createFetchTransport, createUndiciTransport, type HttpTransport } from './http-transport.js';
import { buildLoglikelihoodBody, LogprobsMissingError, NO_LOGPROBS_FIX, parseLoglikelihoodReply } from './loglikelihood-payload.js';
import { buildRequestBody, MalformedReplyError, parseReply, parseStreamedReply, type ModelReply } from './openai-payload.js';
import { buildPipeline, type Pipeline } from './pipeline/build-pipeline.js';
import type { InterceptorDefinition } from './pipeline/interceptor-definition.js';
import { BUILT_IN_INTERCEPTORS } from './pipeline/interceptor-registry.js';
import { responseJson, TransportError, type AdapterResponse } from './pipeline/types.js';
import { redactUrl } from './redact-url.js';

export type { ModelReply } from './openai-payload.js';

/** Sends one prompt through the adapter pipeline and returns the model's reply. */
export interface ModelClient {
  generate(prompt: ModelPrompt, signal: AbortSignal, sampleId?: string): Promise<ModelReply>;
  /** Ends the run: runs interceptors' end-of-run steps, returns their reports, closes connections. */
  close(): Promise<Record<string, Record<string, unknown>>>;
}

export interface ModelClientOptions {
  fetch?: typeof fetch;
  dispatcher?: Dispatcher;
  env?: NodeJS.ProcessEnv;
  outputDir?: string;
  /** Interceptors available to `adapter_config` (default: the built-in ones). */
  interceptors?: ReadonlyMap<string, InterceptorDefinition>;
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

function statusFix(status: number): string {
  if (status === 401 || status === 403) return 'check the key in the environment variable named by api_key_name';
  if (status === 404) {
    return 'check --model_url: it must be the full URL incl. path (/v1/chat/completions or /v1/completions) and --model_id must be served there';
  }
  return 'check the model id, endpoint type and generation params the server accepts';
}

export function createModelClient(endpoint: ResolvedEndpoint, params: ConfigParams, options: ModelClientOptions = {}): ModelClient {
  const apiKey = readApiKey(endpoint.apiKeyName, options.env ?? process.env, 'drop api_key_name for an endpoint without auth');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const transport: HttpTransport = options.fetch
    ? createFetchTransport(options.fetch)
    : createUndiciTransport(params.parallelism ?? 1, options.dispatcher);
  const pipeline: Pipeline = buildPipeline(
    endpoint.adapterConfig,
    {
      outputDir: options.outputDir,
      endpoint: { url: endpoint.url, modelId: endpoint.modelId, type: endpoint.type },
      params,
      transport,
      secrets: apiKey ? [apiKey] : [],
    },
    options.interceptors ?? BUILT_IN_INTERCEPTORS,
  );
  const shownUrl = redactUrl(endpoint.url);
  const settings = {
    model: endpoint.modelId,
    maxNewTokens: params.maxNewTokens,
    temperature: params.temperature,
    topP: params.topP,
    stream: endpoint.stream,
  };

  function failure(response: AdapterResponse | undefined, attempts: number, transportProblem?: string): EndpointError {
    const problem = response ? `HTTP ${response.status}: ${serverMessage(response.body)}` : transportProblem;
    if (response && response.status !== 200 && response.status < 500 && ![408, 409, 429].includes(response.status)) {
      return new EndpointError(`${shownUrl} rejected the request with ${problem}`, shownUrl, response.status, statusFix(response.status));
    }
    return new EndpointError(
      `${shownUrl} failed after ${attempts} attempts; last: ${problem}`,
      shownUrl,
      response?.status,
      'check that the endpoint is up and reachable, or raise config.params.max_retries / request_timeout',
    );
  }

  async function generateOne(prompt: Exclude<ModelPrompt, MultiTurnPrompt>, signal: AbortSignal, sampleId?: string): Promise<ModelReply> {
    const context = sampleId === undefined ? {} : { sampleId };
    const body = prompt.kind === 'loglikelihood' ? buildLoglikelihoodBody(settings.model, prompt.requests) : buildRequestBody(prompt, settings);
    const request = { url: endpoint.url, headers: { ...headers }, body, signal, context: context as { sampleId?: string; attempts?: number } };
    let response: AdapterResponse;
    try {
      response = await pipeline.handle(request);
    } catch (error) {
      if (error instanceof TransportError) throw failure(undefined, request.context.attempts ?? 1, error.message);
      throw error;
    }
    if (response.status !== 200) throw failure(response, request.context.attempts ?? 1);
    try {
      if (prompt.kind === 'loglikelihood') return { text: '', loglikelihoods: parseLoglikelihoodReply(responseJson(response), response.body, prompt.requests) };
      return endpoint.stream ? parseStreamedReply(response.body, prompt.kind) : parseReply(responseJson(response), response.body, prompt.kind);
    } catch (error) {
      // Not a passing fault: the endpoint cannot score prompts at all, so the run stops here.
      if (error instanceof LogprobsMissingError) {
        throw new ConfigError('target.api_endpoint', `${shownUrl} returned no prompt log-probabilities: ${error.message}`, NO_LOGPROBS_FIX);
      }
      if (error instanceof MalformedReplyError) throw failure(undefined, request.context.attempts ?? 1, error.message);
      throw error;
    }
  }

  /** One chat request per turn, each carrying the earlier turns and their answers. */
  async function converse(prompt: MultiTurnPrompt, signal: AbortSignal, sampleId?: string): Promise<ModelReply> {
    const messages: ChatMessage[] = [...prompt.messages];
    const turns: string[] = [];
    let promptTokens = 0;
    let completionTokens = 0;
    let reply: ModelReply = { text: '' };
    for (const turn of prompt.turns) {
      messages.push({ role: 'user', content: turn });
      const chat = { kind: 'chat' as const, messages: [...messages], ...(prompt.stop ? { stop: prompt.stop } : {}), ...(prompt.seed === undefined ? {} : { seed: prompt.seed }) };
      reply = await generateOne(chat, signal, sampleId);
      turns.push(reply.text);
      messages.push({ role: 'assistant', content: reply.text });
      promptTokens += reply.usage?.promptTokens ?? 0;
      completionTokens += reply.usage?.completionTokens ?? 0;
    }
    const answer: ModelReply = { text: reply.text, turns };
    if (reply.finishReason) answer.finishReason = reply.finishReason;
    if (reply.usage) answer.usage = { promptTokens, completionTokens };
    return answer;
  }

  const generate = (prompt: ModelPrompt, signal: AbortSignal, sampleId?: string): Promise<ModelReply> =>
    prompt.kind === 'multi-turn' ? converse(prompt, signal, sampleId) : generateOne(prompt, signal, sampleId);

  return {
    generate,
    async close() {
      try {
        return await pipeline.finish();
      } finally {
        await transport.close();
      }
    },
  };
}
