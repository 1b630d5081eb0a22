import { PYTHON_WHITESPACE_MEMBERS } from '../../core/python/python-whitespace.js';
import { pythonStrip } from '../../core/python/python-strip.js';

const PYTHON_SPACE = new RegExp(`[${PYTHON_WHITESPACE_MEMBERS}]`);
/** Code unit -> 1 for Python whitespace, up to the highest one (U+3000); built once. */
const SPACE_TABLE = Uint8Array.from({ length: 0x3001 }, (_, code) => (PYTHON_SPACE.test(String.fromCharCode(code)) ? 1 : 0));

/** `len(text.split())` in Python: runs of non-whitespace, counted in one pass over the code units. */
export function pythonWordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code < SPACE_TABLE.length && SPACE_TABLE[code] === 1;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** What one reply says about its reasoning; `undefined` where NeMo records "unknown". */
export interface ReasoningInfo {
  reasoningWords: number | undefined;
  originalContentWords: number;
  updatedContentWords: number;
  reasoningFinished: boolean;
  /** `undefined` when no start token is configured and no end token was seen. */
  reasoningStarted: boolean | undefined;
  reasoningTokens: number | undefined;
  updatedContentTokens: number | undefined;
}

export interface ReasoningTokens {
  start: string | null;
  end: string;
}

type Usage = Record<string, unknown> | undefined;

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * Reasoning tokens from `usage`: `reasoning_tokens`, else the first of
 * `completion_tokens_details.reasoning_tokens` and `output_tokens_details.reasoning_tokens`.
 */
function usageReasoningTokens(usage: NonNullable<Usage>): number | undefined {
  const direct = count(usage.reasoning_tokens);
  if (direct !== undefined) return direct;
  for (const key of ['completion_tokens_details', 'output_tokens_details']) {
    const details = usage[key];
    const found = typeof details === 'object' && details !== null ? count((details as Record<string, unknown>).reasoning_tokens) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Everything up to and including the last `end` token removed, then newlines (only) stripped
 * from both ends: Python's `re.sub(".*?" + re.escape(end), "", text, flags=re.DOTALL).strip("\n")`.
 * Scanning match by match keeps self-overlapping tokens right.
 */
function stripThroughEnd(text: string, end: string): string {
  let from = 0;
  for (let at = text.indexOf(end); at !== -1; at = text.indexOf(end, from)) from = at + end.length;
  let last = text.length;
  while (from < last && text[from] === '\n') from++;
  while (last > from && text[last - 1] === '\n') last--;
  return text.slice(from, last);
}

const words = (text: string): number => (text ? pythonWordCount(text) : 0);

/**
 * NeMo's reasoning analysis of one assistant reply (nemo-evaluator 0.2.x `reasoning`).
 * - `reasoningContent` a string (the server split the reasoning off): the content is kept;
 *   started = reasoning non-blank, finished = content non-blank; tokens come from `usage`.
 * - Otherwise the content is searched: started = it holds `start` (unknown when `start` is null),
 *   finished = it holds `end` (which also means started). Finished: the new content is what
 *   follows the last `end` (newlines trimmed) and the reasoning is the text before the first
 *   `end`. Not finished: the content is kept, or becomes "" when `includeIfNotFinished` is false,
 *   whether or not reasoning started; the reasoning is the whole content if it started.
 * `info()` gives the statistics, word counts included; they are counted when asked for, so a caller
 * can do that off the reply path (a reasoning trace can be thousands of words).
 */
export function analyseReasoning(
  content: string,
  reasoningContent: unknown,
  usage: Usage,
  tokens: ReasoningTokens,
  includeIfNotFinished: boolean,
): { content: string; info(): ReasoningInfo } {
  let updated: string;
  let reasoning: string | undefined;
  let started: boolean | undefined;
  let finished: boolean;
  let reasoningTokens: number | undefined;
  let updatedContentTokens: number | undefined;
  if (typeof reasoningContent === 'string') {
    updated = content;
    reasoning = reasoningContent;
    started = pythonStrip(reasoningContent) !== '';
    finished = pythonStrip(content) !== '';
    if (usage) {
      reasoningTokens = usageReasoningTokens(usage);
      updatedContentTokens = count(usage.content_tokens);
    }
  } else {
    started = tokens.start === null ? undefined : content.includes(tokens.start);
    finished = content.includes(tokens.end);
    if (finished) {
      started = true;
      updated = stripThroughEnd(content, tokens.end);
      reasoning = content.slice(0, content.indexOf(tokens.end));
    } else {
      updated = includeIfNotFinished ? content : '';
      reasoning = started === undefined ? undefined : started ? content : '';
    }
  }
  return {
    content: updated,
    info() {
      // The three texts are often the same string: count each distinct one once.
      const contentWords = words(content);
      return {
        reasoningWords: reasoning === undefined ? undefined : reasoning === content ? contentWords : words(reasoning),
        originalContentWords: contentWords,
        updatedContentWords: updated === content ? contentWords : words(updated),
        reasoningFinished: finished,
        reasoningStarted: started,
        reasoningTokens,
        updatedContentTokens,
      };
    },
  };
}
