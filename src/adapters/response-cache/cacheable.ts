import { isPromptScoringRequest } from '../prompt-scoring.js';
import { responseJson, type AdapterResponse } from '../pipeline/types.js';

/**
 * A chat choice needs a message whose content is text or null; a completions choice needs text.
 * `lengthIsComplete`: a prompt-scoring reply, which always ends on the length limit.
 */
function wellFormedChoice(choice: unknown, chat: boolean, lengthIsComplete: boolean): boolean {
  if (typeof choice !== 'object' || choice === null) return false;
  const { finish_reason: finishReason, message, text } = choice as Record<string, unknown>;
  if (finishReason === 'length' && !lengthIsComplete) return false;
  if (!chat) return typeof text === 'string';
  if (typeof message !== 'object' || message === null) return false;
  const content = (message as Record<string, unknown>).content;
  return typeof content === 'string' || content === null;
}

/** A streamed reply: complete (`data: [DONE]`), every chunk JSON, no choice cut off by the length limit. */
function cacheableStream(body: string): boolean {
  let done = false;
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const data = line.slice(5).trim();
    if (data === '[DONE]') {
      done = true;
      break;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      return false;
    }
    const choices = (chunk as { choices?: unknown } | null)?.choices;
    if (Array.isArray(choices) && choices.some((c) => (c as { finish_reason?: unknown } | null)?.finish_reason === 'length')) return false;
  }
  return done;
}

/**
 * Whether a reply may be stored and replayed: status 200 and a complete answer. Not cached: any
 * other status; a body that is not an OpenAI completion (no choices, a choice without
 * `message.content` (chat, `messages` in the request) or `text` (completions)); a reply cut off by
 * a token limit (any choice with `finish_reason: "length"`): server-side caps (its max model length)
 * cut replies too, and a rerun after raising one must ask again, not replay the cut-off answer
 * (except for prompt-scoring requests, whose replies always end on the limit); a streamed reply
 * without its `data: [DONE]` or with a chunk that is not JSON.
 */
export function isCacheable(response: AdapterResponse, requestBody: Record<string, unknown>): boolean {
  if (response.status !== 200) return false;
  if (requestBody.stream === true) return cacheableStream(response.body);
  const json = responseJson(response) as { choices?: unknown } | undefined;
  if (typeof json !== 'object' || json === null || !Array.isArray(json.choices) || json.choices.length === 0) return false;
  const chat = Array.isArray(requestBody.messages);
  const lengthIsComplete = isPromptScoringRequest(requestBody);
  return json.choices.every((choice) => wellFormedChoice(choice, chat, lengthIsComplete));
}
