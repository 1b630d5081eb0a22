import { countTokens } from './reply-text.js';

export type GenerationKind = 'chat' | 'completions';

/** The parts of a chat or completions request body the mock server acts on. */
export interface GenerationRequest {
  kind: GenerationKind;
  /** Reply keys: the last user message for chat; each `prompt` entry for completions. */
  prompts: string[];
  /** The `model` the request named, if any. */
  model: string | undefined;
  /** `stop` as a list (empty when absent). */
  stop: string[];
  /** `max_tokens` (chat: `max_completion_tokens` first), if given. */
  maxTokens: number | undefined;
  stream: boolean;
  /** `stream_options.include_usage`: send a final usage chunk when streaming. */
  includeUsage: boolean;
  /** Whitespace tokens over all message contents (chat) or all prompts (completions). */
  promptTokens: number;
  /** Completions only: `echo` (the reply text starts with the prompt). */
  echo: boolean;
  /** Completions only: `logprobs` (how many top alternatives per token), when asked for. */
  logprobs: number | undefined;
}

/** Why a body was rejected with 400, worded like OpenAI's `invalid_request_error`. */
export interface RequestProblem {
  problem: string;
  param: string;
}

type Body = Record<string, unknown>;

/** Reads a parsed JSON body, or says which parameter is unusable. */
export function readGenerationRequest(kind: GenerationKind, body: unknown): GenerationRequest | RequestProblem {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problem: 'The request body must be a JSON object.', param: '' };
  }
  const fields = body as Body;
  const stop = readStop(fields.stop);
  if (stop === undefined) return { problem: '`stop` must be a string or an array of strings.', param: 'stop' };
  const maxParam = kind === 'chat' && fields.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
  const maxTokens = fields[maxParam];
  if (maxTokens != null && !(Number.isInteger(maxTokens) && (maxTokens as number) >= 0)) {
    return { problem: `\`${maxParam}\` must be an integer ≥ 0.`, param: maxParam };
  }
  const prompts = kind === 'chat' ? readChat(fields.messages) : readPrompt(fields.prompt);
  if ('problem' in prompts) return prompts;
  const logprobs = kind === 'completions' ? fields.logprobs : undefined;
  if (logprobs != null && !(Number.isInteger(logprobs) && (logprobs as number) >= 0 && (logprobs as number) <= 5)) {
    return { problem: '`logprobs` must be an integer from 0 to 5.', param: 'logprobs' };
  }
  const streamOptions = fields.stream_options as Body | null | undefined;
  return {
    kind,
    prompts: prompts.keys,
    model: typeof fields.model === 'string' && fields.model !== '' ? fields.model : undefined,
    stop,
    maxTokens: (maxTokens as number | null | undefined) ?? undefined,
    stream: fields.stream === true,
    includeUsage: streamOptions?.include_usage === true,
    promptTokens: prompts.tokens,
    echo: kind === 'completions' && fields.echo === true,
    logprobs: (logprobs as number | null | undefined) ?? undefined,
  };
}

function readStop(stop: unknown): string[] | undefined {
  if (stop == null) return [];
  if (typeof stop === 'string') return [stop];
  if (Array.isArray(stop) && stop.every((s) => typeof s === 'string')) return stop;
  return undefined;
}

interface Prompts {
  keys: string[];
  tokens: number;
}

function readPrompt(prompt: unknown): Prompts | RequestProblem {
  if (typeof prompt === 'string') return { keys: [prompt], tokens: countTokens(prompt) };
  if (Array.isArray(prompt) && prompt.length > 0 && prompt.every((p) => typeof p === 'string')) {
    return { keys: prompt, tokens: prompt.reduce((sum: number, p: string) => sum + countTokens(p), 0) };
  }
  return { problem: '`prompt` must be a string or a non-empty array of strings.', param: 'prompt' };
}

function readChat(messages: unknown): Prompts | RequestProblem {
  const problem = { problem: '`messages` must be a non-empty array of {role, content} objects.', param: 'messages' };
  if (!Array.isArray(messages) || messages.length === 0) return problem;
  let lastUser = '';
  let tokens = 0;
  for (const message of messages) {
    if (typeof message !== 'object' || message === null) return problem;
    const { role, content } = message as Body;
    const text = contentText(content);
    tokens += countTokens(text);
    if (role === 'user') lastUser = text;
  }
  return { keys: [lastUser], tokens };
}

/** A message's text: a string content as is, or the text parts of an array content concatenated. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) {
    if (typeof part === 'object' && part !== null && typeof (part as Body).text === 'string') text += (part as Body).text;
  }
  return text;
}
