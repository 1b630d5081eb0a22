/**
 * Python's outputs for the IFEval text utilities on every GPT-4 response of the shared IFEval data
 * and on its loose-scoring variants, from `test/fixtures/ifeval/text-utils.jsonl`.
 *
 * How the fixture was made (the script is not kept; rerun this recipe to regenerate it):
 * - Debian bookworm, `apt-get install python3-nltk python3-langdetect python3-absl
 *   python3-immutabledict` (NLTK 3.8), run with /usr/bin/python3 (3.11).
 * - Google's instruction_following_eval code as described in
 *   /work/shared/datasets/ifeval/SOURCE.md (variant B), and `NLTK_DATA` holding
 *   `tokenizers/punkt/PY3/english.pickle` (sha256 5cad3758…b942c, as in SOURCE.md).
 * - For each row of input_data.jsonl with its response from gpt4_responses.jsonl, the eight texts
 *   evaluation_lib's `test_instruction_following_loose` builds, in its order (0 the response,
 *   1 without `*`, 2 without the first line, 3 without the last line, 4 without both, 5–7 those
 *   three without `*`; lines removed with `split("\n")`/`join`, then `.strip()`). A text equal to an
 *   earlier one of the same key is skipped. Each line holds `key`, `variant` and, for that text:
 *   `count_words` = `instructions_util.count_words(text)`,
 *   `count_sentences` = `instructions_util.count_sentences(text)`,
 *   `punkt_sha256` = digest of `nltk.data.load("nltk:tokenizers/punkt/english.pickle").tokenize(text)`,
 *   `split_into_sentences_len` / `_sha256` = length and digest of `instructions_util.split_into_sentences(text)`,
 *   `word_tokenize_len` / `_sha256` = length and digest of `nltk.word_tokenize(text)`,
 *   `word_tokenize_isupper` = how many of those tokens satisfy `str.isupper()`.
 *   A digest is the first 16 hex digits of the sha256 of
 *   `json.dumps(list, ensure_ascii=False, separators=(",", ":"))` in UTF-8, which is what
 *   `JSON.stringify(list)` gives for these texts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pythonStrip } from '../../../../src/core/python/python-strip.js';

export interface TextUtilsRow {
  key: number;
  variant: number;
  count_words: number;
  count_sentences: number;
  punkt_sha256: string;
  split_into_sentences_len: number;
  split_into_sentences_sha256: string;
  word_tokenize_len: number;
  word_tokenize_sha256: string;
  word_tokenize_isupper: number;
}

export interface TextUtilsCase {
  row: TextUtilsRow;
  text: string;
}

/** The digest the fixture stores for a list of strings. */
export function listDigest(items: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 16);
}

/** evaluation_lib's loose variants of a response, in its order. */
export function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const withoutFirst = pythonStrip(lines.slice(1).join('\n'));
  const withoutLast = pythonStrip(lines.slice(0, -1).join('\n'));
  const withoutBoth = pythonStrip(lines.slice(1, -1).join('\n'));
  const noStars = (text: string) => text.replaceAll('*', '');
  return [response, noStars(response), withoutFirst, withoutLast, withoutBoth, noStars(withoutFirst), noStars(withoutLast), noStars(withoutBoth)];
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Every fixture row with the text it describes. */
export function loadTextUtilsCases(): TextUtilsCase[] {
  const dataDir = join(process.env.EVALFORGE_DATA_DIR as string, 'ifeval');
  const inputs = readJsonl<{ key: number }>(join(dataDir, 'input_data.jsonl'));
  const responses = readJsonl<{ response: string }>(join(dataDir, 'gpt4_responses.jsonl'));
  const variantsByKey = new Map(inputs.map((input, i) => [input.key, looseVariants((responses[i] as { response: string }).response)]));
  const rows = readJsonl<TextUtilsRow>(new URL('../../../fixtures/ifeval/text-utils.jsonl', import.meta.url).pathname);
  return rows.map((row) => ({ row, text: variantsByKey.get(row.key)?.[row.variant] as string }));
}
