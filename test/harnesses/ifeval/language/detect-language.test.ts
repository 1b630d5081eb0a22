import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonStrip } from '../../../../src/core/python/python-strip.js';
import {
  detectLanguage,
  detectLanguageProbabilities,
  LanguageNotDetected,
} from '../../../../src/harnesses/ifeval/language/detect-language.js';

/*
 * test/fixtures/ifeval/langdetect.jsonl holds what Python langdetect 1.0.9 says, one row per
 * distinct text. Recipe (run once; the script is not kept): Debian bookworm, `apt-get install -y
 * python3-langdetect` (1.0.9-1), /usr/bin/python3 (3.11), `DetectorFactory.seed = 0`. Texts, in
 * this order, duplicates dropped: for each row of ifeval/gpt4_responses.jsonl the response and its
 * seven loose variants exactly as evaluation_lib.test_instruction_following_loose builds them
 * (`r = response.split("\n")`; `"\n".join(r[1:]).strip()`, `r[:-1]`, `r[1:-1]`; then the response
 * and those three with "*" removed), then the 541 prompts of ifeval/input_data.jsonl, then
 * hand-picked texts stored in the rows themselves, as `text` or as `parts` ([piece, times] pairs
 * joined: the long ones that test the 10000-code-point cut, counted in code points). Per text: `sha256` = first 16 hex digits of
 * the SHA-256 of its UTF-8; `language` = `langdetect.detect(text)`, or `error` = the message of
 * the LangDetectException; `probabilities` = `get_probabilities()` as [lang, prob] of a
 * DetectorFactory that loaded the 55 profiles in sorted order (the order the port uses;
 * `detect`'s own factory uses os.listdir order, and the generator asserted that both give the same
 * language on every text, and that the committed profile data gives bit-identical probabilities).
 */
interface FixtureRow {
  sha256: string;
  source: 'response' | 'loose' | 'prompt' | 'short';
  text?: string;
  parts?: [string, number][];
  language?: string;
  probabilities?: [string, number][];
  error?: string;
}

const dataDir = join(process.env.EVALFORGE_DATA_DIR as string, 'ifeval');
const fixture: FixtureRow[] = readJsonl<FixtureRow>(new URL('../../../fixtures/ifeval/langdetect.jsonl', import.meta.url).pathname);
const textByHash = new Map<string, string>();
for (const { response } of readJsonl<{ response: string }>(join(dataDir, 'gpt4_responses.jsonl'))) {
  for (const text of looseVariants(response)) textByHash.set(hash(text), text);
}
for (const { prompt } of readJsonl<{ prompt: string }>(join(dataDir, 'input_data.jsonl'))) textByHash.set(hash(prompt), prompt);
for (const { text, parts } of fixture) {
  const own = text ?? parts?.map(([piece, times]) => piece.repeat(times)).join('');
  if (own !== undefined) textByHash.set(hash(own), own);
}

describe('detectLanguage', () => {
  it('covers every text of the fixture', () => {
    expect(fixture.length).toBe(2870);
    for (const row of fixture) expect(textByHash.has(row.sha256), `${row.source} ${row.sha256}`).toBe(true);
  });

  for (const source of ['response', 'loose', 'prompt', 'short'] as const) {
    it(`gives Python langdetect's language (seed 0) on every ${source} text`, () => {
      const rows = fixture.filter((row) => row.source === source);
      const mismatches: string[] = [];
      for (const row of rows) {
        const got = outcome(textByHash.get(row.sha256) as string);
        const want = row.error !== undefined ? `error: ${row.error}` : (row.language as string);
        if (got !== want) mismatches.push(`${row.sha256}: got ${got}, Python ${want}`);
      }
      expect(mismatches).toEqual([]);
      expect(rows.length).toBeGreaterThan(0);
    });
  }

  it("matches Python's probabilities bit for bit: same languages, same order, same doubles", () => {
    // random.gauss calls log/cos/sin, which V8 (fdlibm) and CPython (glibc) can round differently
    // in the last bit; on these texts that never reaches the smoothing parameter alpha.
    let compared = 0;
    for (const row of fixture) {
      if (row.probabilities === undefined) continue;
      const got = detectLanguageProbabilities(textByHash.get(row.sha256) as string);
      expect(got.map((entry) => [entry.language, entry.probability]), row.sha256).toEqual(row.probabilities);
      compared++;
    }
    expect(compared).toBe(2855);
  });

  it('throws LanguageNotDetected when no profile knows any n-gram, as langdetect raises', () => {
    for (const text of ['', '   ', '123 456', '!!!', '😀😀']) {
      expect(() => detectLanguage(text), JSON.stringify(text)).toThrow(LanguageNotDetected);
    }
  });

  it('does not depend on the order of calls', () => {
    const texts = fixture.filter((row) => row.source === 'short' && row.language !== undefined).map((row) => textByHash.get(row.sha256) as string);
    const forward = texts.map(detectLanguage);
    const backward = [...texts].reverse().map(detectLanguage).reverse();
    expect(backward).toEqual(forward);
  });
});

function outcome(text: string): string {
  try {
    return detectLanguage(text);
  } catch (error) {
    if (error instanceof LanguageNotDetected) return `error: ${error.message}`;
    throw error;
  }
}

/** The response and its loose variants, as the reference builds them (Python split/join/strip). */
function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const first = pythonStrip(lines.slice(1).join('\n'));
  const last = pythonStrip(lines.slice(0, -1).join('\n'));
  const both = pythonStrip(lines.slice(1, -1).join('\n'));
  return [response, first, last, both].flatMap((text) => [text, text.replaceAll('*', '')]);
}

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
