import { nltkWordTokenize } from './nltk-word-tokenizer.js';
import { punktSentences } from './punkt-sentence-tokenizer.js';

/**
 * NLTK 3.8's `nltk.word_tokenize(text)` (English, `preserve_line=False`), which the reference's
 * capital-word-frequency check counts: the text is split into sentences with the English punkt
 * model and each sentence into Treebank-style tokens.
 */
export function wordTokenize(text: string): string[] {
  return punktSentences(text).flatMap(nltkWordTokenize);
}
