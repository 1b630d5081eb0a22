import { punktSentenceSpans } from './punkt-sentence-tokenizer.js';

/**
 * The reference's `instructions_util.count_sentences`: the number of sentences NLTK's English
 * punkt model finds (`len(tokenizer.tokenize(text))`, NLTK 3.8).
 */
export function countSentences(text: string): number {
  return punktSentenceSpans(text).length;
}
