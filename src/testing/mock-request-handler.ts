import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CapacityGate } from './capacity-gate.js';
import { FaultPlan } from './fault-plan.js';
import type { MockFaultKind, MockReplyRequest, MockServerOptions } from './mock-server-options.js';
import { readGenerationRequest, type GenerationKind, type GenerationRequest } from './openai-request.js';
import { completionBody, completionStream, errorBody, modelsBody } from './openai-responses.js';
import { defaultTokenLogprob } from './mock-logprobs.js';
import { createReplySource } from './reply-source.js';
import { shapeReply } from './reply-text.js';
import type { RequestStats } from './request-stats.js';
import { readRequestBody } from '../adapters/read-request-body.js';

export const CHAT_PATH = '/v1/chat/completions';
export const COMPLETIONS_PATH = '/v1/completions';
const JSON_TYPE = 'application/json';
const SSE_TYPE = 'text/event-stream';
const ROUTES = `POST ${CHAT_PATH}, POST ${COMPLETIONS_PATH}, GET /v1/models and GET /health`;

/** The server-owned state the handler reports into. */
export interface MockHandlerState {
  stats: RequestStats;
  gate: CapacityGate;
  /** Parsed generation request bodies in arrival order, when recording is on. */
  recorded: unknown[] | undefined;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The mock's request pipeline: route, check the API key (`/v1/*` only, so health checks stay open),
 * parse and validate the body, inject the planned fault if any, then wait for a capacity slot, wait
 * `latencyMs`, look the reply up and write it in one piece (streams too: the whole SSE body is one
 * write, which keeps per-request cost low). Nothing is logged.
 */
export function createMockHandler(options: MockServerOptions, state: MockHandlerState): Handler {
  const { stats, gate, recorded } = state;
  const servedModel = options.model ?? 'mock-model';
  const replySource = createReplySource(options.replies, options.defaultReply ?? '');
  const latency = options.latencyMs ?? 0;
  // `logprobs: false` plays a server that ignores the parameter (it answers `logprobs: null`).
  const tokenLogprob = options.logprobs === false ? undefined : typeof options.logprobs === 'function' ? options.logprobs : defaultTokenLogprob;
  const faultPlan = options.faults === undefined ? undefined : new FaultPlan(options.faults);
  const failStatus = options.faults?.status ?? 500;
  const retryAfter = String(options.faults?.retryAfter ?? 0);
  const expectedAuth = options.requireApiKey === undefined ? undefined : `Bearer ${options.requireApiKey}`;
  const startedAt = Math.floor(Date.now() / 1000);
  let responses = 0;

  function send(res: ServerResponse, status: number, body: string, ok: boolean, contentType = JSON_TYPE, retryAfter?: string): void {
    if (clientGone(res)) {
      stats.answered(false);
      return;
    }
    const headers: Record<string, string | number> = { 'content-type': contentType, 'content-length': Buffer.byteLength(body) };
    if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
    res.writeHead(status, headers);
    res.end(body);
    stats.answered(ok);
  }

  function invalid(res: ServerResponse, status: number, message: string, param: string | null = null, code: string | null = null): void {
    send(res, status, errorBody(message, 'invalid_request_error', param, code), false);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    stats.received(path);
    if (path === '/health') return send(res, 200, '{"status":"ok"}', true);
    if (expectedAuth !== undefined && path.startsWith('/v1/') && req.headers.authorization !== expectedAuth) {
      return invalid(res, 401, 'Incorrect or missing API key: send "Authorization: Bearer <key>".', null, 'invalid_api_key');
    }
    if (path === '/v1/models') {
      if (req.method !== 'GET') return invalid(res, 405, `Use GET for /v1/models; the mock serves ${ROUTES}.`);
      return send(res, 200, modelsBody(servedModel, startedAt), true);
    }
    const kind: GenerationKind | undefined = path === CHAT_PATH ? 'chat' : path === COMPLETIONS_PATH ? 'completions' : undefined;
    if (kind === undefined) return invalid(res, 404, `No route ${req.method} ${path}; the mock serves ${ROUTES}.`);
    if (req.method !== 'POST') return invalid(res, 405, `Use POST for ${path}; the mock serves ${ROUTES}.`);

    const raw = await readRequestBody(req);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (error) {
      return invalid(res, 400, `The request body is not valid JSON: ${(error as Error).message}`);
    }
    recorded?.push(body);
    const request = readGenerationRequest(kind, body);
    if ('problem' in request) return invalid(res, 400, request.problem, request.param || null);

    const fault = faultPlan?.next();
    if (fault !== undefined) return injectFault(fault, request, res);

    const wait = gate.acquire();
    if (wait !== undefined) await wait;
    stats.admitted();
    try {
      await generate(request, body, res);
    } finally {
      stats.leftSlot();
      gate.release();
    }
  }

  async function generate(request: GenerationRequest, body: unknown, res: ServerResponse): Promise<void> {
    const { kind, prompts } = request;
    const first: MockReplyRequest = { kind, prompt: prompts[0] as string, body };
    const delay = typeof latency === 'function' ? latency(first) : latency;
    if (delay > 0) await sleep(delay);
    if (clientGone(res)) return stats.answered(false);

    const texts = await Promise.all(prompts.map((prompt, i) => replySource(i === 0 ? first : { kind, prompt, body })));
    const replies = texts.map((text) => shapeReply(text, request.stop, request.maxTokens));
    responses += 1;
    const meta = {
      id: `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-mock-${responses}`,
      model: request.model ?? servedModel,
      created: Math.floor(Date.now() / 1000),
    };
    if (request.stream) send(res, 200, completionStream(request, replies, meta), true, SSE_TYPE);
    else send(res, 200, completionBody(request, replies, meta, tokenLogprob), true);
  }

  function injectFault(fault: MockFaultKind, request: GenerationRequest, res: ServerResponse): void {
    switch (fault) {
      case 'hang':
        stats.hangStarted();
        res.once('close', () => stats.hangEnded());
        return;
      case 'rateLimit':
        return send(
          res,
          429,
          errorBody('Rate limit reached (injected by the mock server).', 'rate_limit_error', null, 'rate_limit_exceeded'),
          false,
          JSON_TYPE,
          retryAfter,
        );
      case 'fail':
        return send(res, failStatus, errorBody(`Injected failure (HTTP ${failStatus}) from the mock server.`, 'server_error'), false);
      case 'malformed':
        return request.stream
          ? send(res, 200, 'data: {"id": "mock-malformed", "choices": [\n\ndata: [DONE]\n\n', false, SSE_TYPE)
          : send(res, 200, '{"id": "mock-malformed", "choices": [', false);
      case 'reset':
        // An RST rather than a FIN, as a crashed server or a dropping load balancer would send.
        res.req.socket.resetAndDestroy();
        return stats.answered(false);
    }
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, errorBody(`Mock server error: ${error instanceof Error ? error.message : String(error)}`, 'server_error'), false);
    });
  };
}

/** True once the client's connection is closed; the request's socket is checked because a pipelined response may not have one yet. */
function clientGone(res: ServerResponse): boolean {
  return res.destroyed || res.req.socket.destroyed;
}


/** A timer that does not keep the process alive after the server is closed. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
