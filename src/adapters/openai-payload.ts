import type { Loglikelihood, ModelPrompt } from '../core/task.js';

export interface GenerationSettings {
  model: string;
  maxNewTokens?: number;
  temperature?: number;
  topP?: number;
  stream?: boolean;
}

export interface ModelReply {
  /** The generated text (`""` for a `loglikelihood` prompt). */
  text: string;
  /** A `loglikelihood` prompt's result, one per request. */
  loglikelihoods?: Loglikelihood[];
  /** A `multi-turn` prompt's answers, one per turn (`text` is the last). */
  turns?: string[];
  finishReason?: string;
  usage?: { promptTokens: number; completionTokens: number };
}

type GenerationPrompt = Extract<ModelPrompt, { kind: 'chat' | 'completions' }>;

/** The OpenAI request body for a generation prompt: `/v1/completions` or `/v1/chat/completions` shape. */
export function buildRequestBody(prompt: GenerationPrompt, settings: GenerationSettings): Record<string, unknown> {
  const body: Record<string, unknown> = { model: settings.model };
  if (prompt.kind === 'chat') body.messages = prompt.messages;
  else body.prompt = prompt.prompt;
  if (settings.maxNewTokens !== undefined) body.max_tokens = settings.maxNewTokens;
  if (settings.temperature !== undefined) body.temperature = settings.temperature;
  if (settings.topP !== undefined) body.top_p = settings.topP;
  if (prompt.stop && prompt.stop.length > 0) body.stop = prompt.stop;
  if (prompt.seed !== undefined) body.seed = prompt.seed;
  if (settings.stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return body;
}

/** Thrown when a 200 reply is not an OpenAI completion; the message says what was missing. */
export class MalformedReplyError extends Error {}

function readUsage(value: unknown): ModelReply['usage'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const usage = value as Record<string, unknown>;
  if (typeof usage.prompt_tokens !== 'number' || typeof usage.completion_tokens !== 'number') return undefined;
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens };
}

function choiceText(choice: Record<string, unknown>, kind: GenerationPrompt['kind'], delta: boolean): string | undefined {
  if (kind === 'completions') return typeof choice.text === 'string' ? choice.text : undefined;
  const message = (delta ? choice.delta : choice.message) as Record<string, unknown> | undefined;
  if (!message) return undefined;
  // A null content (e.g. a refusal or a tool call) is an empty answer, as simple-evals treats it.
  return typeof message.content === 'string' ? message.content : message.content === null || delta ? '' : undefined;
}

/**
 * Reads a non-streamed reply: `json` is its body already parsed (the pipeline memoizes the parse
 * the interceptors share, so the body is parsed once), `undefined` when the body is not JSON.
 */
export function parseReply(json: unknown, body: string, kind: GenerationPrompt['kind']): ModelReply {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new MalformedReplyError(`reply is not a JSON object: ${body.slice(0, 120)}`);
  const parsed = json as Record<string, unknown>;
  const choice = Array.isArray(parsed.choices) ? (parsed.choices[0] as Record<string, unknown> | undefined) : undefined;
  if (!choice) throw new MalformedReplyError('reply has no choices[0]');
  const text = choiceText(choice, kind, false);
  if (text === undefined) {
    throw new MalformedReplyError(kind === 'chat' ? 'reply has no choices[0].message.content' : 'reply has no choices[0].text');
  }
  const reply: ModelReply = { text };
  if (typeof choice.finish_reason === 'string') reply.finishReason = choice.finish_reason;
  const usage = readUsage(parsed.usage);
  if (usage) reply.usage = usage;
  return reply;
}

/** Assembles a server-sent-events reply (`stream: true`) into one ModelReply. */
export function parseStreamedReply(body: string, kind: GenerationPrompt['kind']): ModelReply {
  let text = '';
  let finishReason: string | undefined;
  let usage: ModelReply['usage'];
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const data = line.slice(5).trim();
    if (data === '[DONE]') break;
    let chunk: Record<string, unknown>;
    try {
      chunk = JSON.parse(data) as Record<string, unknown>;
    } catch {
      throw new MalformedReplyError(`stream chunk is not JSON: ${data.slice(0, 120)}`);
    }
    const choice = Array.isArray(chunk.choices) ? (chunk.choices[0] as Record<string, unknown> | undefined) : undefined;
    if (choice) {
      text += choiceText(choice, kind, true) ?? '';
      if (typeof choice.finish_reason === 'string') finishReason = choice.finish_reason;
    }
    usage = readUsage(chunk.usage) ?? usage;
  }
  const reply: ModelReply = { text };
  if (finishReason) reply.finishReason = finishReason;
  if (usage) reply.usage = usage;
  return reply;
}
