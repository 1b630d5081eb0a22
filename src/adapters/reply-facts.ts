import { responseJson, type AdapterResponse } from './pipeline/types.js';

/** What the stats and budget interceptors read from a completion reply (its first choice). */
export interface ReplyFacts {
  /** `usage` when the reply reports `prompt_tokens` and `completion_tokens` (a stream only with `include_usage`). */
  usage?: { promptTokens: number; completionTokens: number; totalTokens: number };
  finishReason?: string;
  /** The first choice's text (chat `message.content`, completions `text`) is missing, null or whitespace only. */
  empty: boolean;
  /** Entries of the first choice's `tool_calls`. */
  toolCalls: number;
  /** 1 when the first choice carries a legacy `function_call`, else 0. */
  functionCalls: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function readUsage(value: unknown): ReplyFacts['usage'] {
  if (!isObject(value) || typeof value.prompt_tokens !== 'number' || typeof value.completion_tokens !== 'number') return undefined;
  const totalTokens = typeof value.total_tokens === 'number' ? value.total_tokens : value.prompt_tokens + value.completion_tokens;
  return { promptTokens: value.prompt_tokens, completionTokens: value.completion_tokens, totalTokens };
}

function firstChoice(json: Json): Json | undefined {
  return Array.isArray(json.choices) && isObject(json.choices[0]) ? json.choices[0] : undefined;
}

function fromJson(json: Json): ReplyFacts | undefined {
  const choice = firstChoice(json);
  if (!choice) return undefined;
  const message = isObject(choice.message) ? choice.message : undefined;
  const text = message ? message.content : choice.text;
  const facts: ReplyFacts = {
    empty: typeof text !== 'string' || text.trim() === '',
    toolCalls: Array.isArray(message?.tool_calls) ? message.tool_calls.length : 0,
    functionCalls: message?.function_call ? 1 : 0,
  };
  if (typeof choice.finish_reason === 'string') facts.finishReason = choice.finish_reason;
  const usage = readUsage(json.usage);
  if (usage) facts.usage = usage;
  return facts;
}

/** Assembles the first choice of a server-sent-events reply; tool calls are told apart by their `index`. */
function fromStream(body: string): ReplyFacts | undefined {
  let text = '';
  let sawChoice = false;
  let finishReason: string | undefined;
  let usage: ReplyFacts['usage'];
  const toolCallIndices = new Set<unknown>();
  let functionCalls = 0;
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const data = line.slice(5).trim();
    if (data === '[DONE]') break;
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      return undefined;
    }
    if (!isObject(chunk)) return undefined;
    usage = readUsage(chunk.usage) ?? usage;
    const choice = firstChoice(chunk);
    if (!choice || (choice.index !== undefined && choice.index !== 0)) continue;
    sawChoice = true;
    const delta = isObject(choice.delta) ? choice.delta : undefined;
    const piece = delta ? delta.content : choice.text;
    if (typeof piece === 'string') text += piece;
    if (Array.isArray(delta?.tool_calls)) for (const call of delta.tool_calls) toolCallIndices.add(isObject(call) ? call.index : undefined);
    if (delta?.function_call) functionCalls = 1;
    if (typeof choice.finish_reason === 'string') finishReason = choice.finish_reason;
  }
  if (!sawChoice) return undefined;
  const facts: ReplyFacts = { empty: text.trim() === '', toolCalls: toolCallIndices.size, functionCalls };
  if (finishReason !== undefined) facts.finishReason = finishReason;
  if (usage) facts.usage = usage;
  return facts;
}

const memo = new WeakMap<AdapterResponse, ReplyFacts | null>();

/**
 * The facts of a reply body that is an OpenAI completion, JSON or server-sent events; `undefined`
 * for anything else (an error body, a malformed reply). Memoized per response object, so several
 * interceptors reading the same reply parse it once.
 */
export function replyFacts(response: AdapterResponse): ReplyFacts | undefined {
  const known = memo.get(response);
  if (known !== undefined) return known ?? undefined;
  const json = responseJson(response);
  const facts = isObject(json) ? fromJson(json) : json === undefined && response.body.includes('data:') ? fromStream(response.body) : undefined;
  memo.set(response, facts ?? null);
  return facts;
}
