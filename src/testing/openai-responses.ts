import { completionLogprobs, type MockTokenLogprob } from './mock-logprobs.js';
import type { GenerationRequest } from './openai-request.js';
import { countTokens, type ShapedReply } from './reply-text.js';

/** Identity of one response: shared by every SSE chunk of a stream, as OpenAI does. */
export interface ResponseMeta {
  id: string;
  model: string;
  /** Unix seconds. */
  created: number;
}

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

function usageOf(request: GenerationRequest, replies: readonly ShapedReply[]): Usage {
  const completion = replies.reduce((sum, r) => sum + countTokens(r.text), 0);
  return { prompt_tokens: request.promptTokens, completion_tokens: completion, total_tokens: request.promptTokens + completion };
}

/**
 * A `chat.completion` or `text_completion` JSON body with one choice per reply. A completions choice
 * echoes its prompt before the reply when `echo` is on, and carries `logprobs` (scored by
 * `tokenLogprob`) when the request asked for them and `tokenLogprob` is given; otherwise `null`,
 * as a server without log-probability support answers.
 */
export function completionBody(request: GenerationRequest, replies: readonly ShapedReply[], meta: ResponseMeta, tokenLogprob?: MockTokenLogprob): string {
  const chat = request.kind === 'chat';
  const choices = replies.map((reply, index) => {
    if (chat) return { index, message: { role: 'assistant', content: reply.text }, logprobs: null, finish_reason: reply.finishReason };
    const prompt = request.prompts[index] as string;
    const logprobs = request.logprobs !== undefined && tokenLogprob ? completionLogprobs(prompt, reply.text, request.echo, tokenLogprob) : null;
    return { index, text: request.echo ? prompt + reply.text : reply.text, logprobs, finish_reason: reply.finishReason };
  });
  return JSON.stringify({
    id: meta.id,
    object: chat ? 'chat.completion' : 'text_completion',
    created: meta.created,
    model: meta.model,
    choices,
    usage: usageOf(request, replies),
  });
}

/**
 * The same replies as an SSE stream: per choice a role chunk (chat only), one chunk per whitespace
 * token with the whitespace that follows it (so the deltas concatenate to the exact text), a chunk
 * carrying `finish_reason`; then a usage chunk with empty `choices` if `stream_options.include_usage`
 * asked for it; then `data: [DONE]`.
 */
export function completionStream(request: GenerationRequest, replies: readonly ShapedReply[], meta: ResponseMeta): string {
  const chat = request.kind === 'chat';
  const object = chat ? 'chat.completion.chunk' : 'text_completion';
  const event = (choices: unknown[], extra?: { usage: Usage }): string =>
    `data: ${JSON.stringify({ id: meta.id, object, created: meta.created, model: meta.model, choices, ...extra })}\n\n`;
  const piece = (index: number, text: string, finishReason: string | null): unknown =>
    chat
      ? { index, delta: finishReason === null ? { content: text } : {}, logprobs: null, finish_reason: finishReason }
      : { index, text, logprobs: null, finish_reason: finishReason };

  let out = '';
  replies.forEach((reply, index) => {
    if (chat) out += event([{ index, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]);
    for (const text of streamPieces(reply.text)) out += event([piece(index, text, null)]);
    out += event([piece(index, '', reply.finishReason)]);
  });
  if (request.includeUsage) out += event([], { usage: usageOf(request, replies) });
  return `${out}data: [DONE]\n\n`;
}

/** Splits before every non-whitespace character that follows whitespace; leading whitespace stays with the first piece. */
function streamPieces(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\s)(?=\S)/);
}

/** An OpenAI-style error body: `{"error": {message, type, param, code}}`. */
export function errorBody(message: string, type: string, param: string | null = null, code: string | null = null): string {
  return JSON.stringify({ error: { message, type, param, code } });
}

/** The `/v1/models` list with the one model the mock serves. */
export function modelsBody(model: string, created: number): string {
  return JSON.stringify({ object: 'list', data: [{ id: model, object: 'model', created, owned_by: 'evalforge' }] });
}
