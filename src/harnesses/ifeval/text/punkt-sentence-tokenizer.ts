import { PYTHON_WHITESPACE_CLASS } from '../../../core/python/python-whitespace.js';
import { annotateFirstPass, annotateSecondPass, punktWordTokens } from './punkt-annotation.js';
import { type PunktParameters, englishPunktParameters } from './punkt-parameters.js';
import { ASCII_WHITESPACE, PUNKT_BOUNDARY_REALIGNMENT, PUNKT_PERIOD_CONTEXT } from './punkt-patterns.js';
import { matchAtStart } from './python-pattern.js';

/** A sentence as `[start, end)` offsets into the text (UTF-16 code units). */
export type SentenceSpan = readonly [start: number, end: number];

/** A possible sentence end with the text punkt decides it on: the word before it, it, and what follows. */
interface EndContext {
  end: number;
  /** Where the next token starts when whitespace follows the end, else undefined. */
  nextTokenStart: number | undefined;
  context: string;
}

const PYTHON_WHITESPACE = new RegExp(PYTHON_WHITESPACE_CLASS);

/**
 * NLTK 3.8's `PunktSentenceTokenizer.span_tokenize(text)` with realigned boundaries: each
 * candidate end (`.`, `?`, `!` before punctuation or whitespace) is decided by annotating the
 * tokens around it; a sentence ends there when a token marked as a break is followed by another
 * token. Closing quotes and brackets after an end join the sentence before. The last sentence
 * runs to the end of the text without trailing whitespace.
 */
export function punktSentenceSpans(text: string, params: PunktParameters = englishPunktParameters()): SentenceSpan[] {
  const slices: SentenceSpan[] = [];
  let lastBreak = 0;
  for (const { end, nextTokenStart, context } of potentialEndContexts(text)) {
    if (!containsSentenceBreak(context, params)) continue;
    slices.push([lastBreak, end]);
    lastBreak = nextTokenStart ?? end;
  }
  slices.push([lastBreak, rstripLength(text)]);
  return realignBoundaries(text, slices);
}

/** NLTK's `PunktSentenceTokenizer.tokenize(text)`: the text of each span (an empty span stays). */
export function punktSentences(text: string, params: PunktParameters = englishPunktParameters()): string[] {
  return punktSentenceSpans(text, params).map(([start, end]) => text.slice(start, end));
}

/**
 * NLTK's `_match_potential_end_contexts`: every match of the period-context pattern with the word
 * before it (back to the last ASCII whitespace, found after the previous match); a match whose word
 * reaches back over the previous match replaces it, so `!!!` gives one context.
 */
function* potentialEndContexts(text: string): Generator<EndContext> {
  let previous: RegExpMatchArray | undefined;
  let wordStart = 0;
  let wordEnd = 0;
  for (const match of text.matchAll(PUNKT_PERIOD_CONTEXT)) {
    const index = match.index as number;
    const space = lastAsciiWhitespaceIndex(text, wordEnd, index);
    // NLTK treats whitespace at the very start of the gap as none found, and then keeps the
    // previous word's start.
    const start = space > 0 ? wordEnd + space + 1 : wordStart;
    if (previous && wordEnd <= start) yield endContext(text, previous, wordStart, wordEnd);
    previous = match;
    wordStart = start;
    wordEnd = index;
  }
  if (previous) yield endContext(text, previous, wordStart, wordEnd);
}

function endContext(text: string, match: RegExpMatchArray, wordStart: number, wordEnd: number): EndContext {
  const afterToken = match.groups?.after_tok ?? '';
  const nextToken = match.groups?.next_tok;
  const end = (match.index as number) + match[0].length;
  return {
    end,
    nextTokenStart: nextToken === undefined ? undefined : end + afterToken.length - nextToken.length,
    context: text.slice(wordStart, wordEnd) + match[0] + afterToken,
  };
}

/** The offset, relative to `from`, of the last ASCII whitespace in `text[from, to)`; 0 if none. */
function lastAsciiWhitespaceIndex(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (ASCII_WHITESPACE.includes(text.charAt(i))) return i - from;
  return 0;
}

/** NLTK's `text_contains_sentbreak`: some token other than the last is a sentence break. */
function containsSentenceBreak(context: string, params: PunktParameters): boolean {
  const tokens = punktWordTokens(context);
  for (const token of tokens) annotateFirstPass(token, params);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i] as (typeof tokens)[number];
    annotateSecondPass(token, tokens[i + 1] as (typeof tokens)[number], params);
    if (token.sentbreak) return true;
  }
  return false;
}

/**
 * NLTK's `_realign_boundaries`: closing punctuation (`"')]}`) at the start of the next sentence
 * moves to the end of this one; empty sentences are dropped, except one that closing punctuation
 * made.
 */
function realignBoundaries(text: string, slices: SentenceSpan[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let realign = 0;
  slices.forEach(([start, end], i) => {
    const sentence: SentenceSpan = [start + realign, end];
    const next = slices[i + 1];
    if (next === undefined) {
      if (sentence[0] < sentence[1]) spans.push(sentence);
      return;
    }
    const closing = matchAtStart(PUNKT_BOUNDARY_REALIGNMENT, text.slice(next[0], next[1]));
    if (closing) {
      spans.push([sentence[0], next[0] + rstripLength(closing[0])]);
      realign = closing[0].length;
    } else {
      realign = 0;
      if (sentence[0] < sentence[1]) spans.push(sentence);
    }
  });
  return spans;
}

/** The length of `text.rstrip()` (Python whitespace). */
function rstripLength(text: string): number {
  let end = text.length;
  while (end > 0 && PYTHON_WHITESPACE.test(text.charAt(end - 1))) end--;
  return end;
}
