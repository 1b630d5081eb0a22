import { PythonRandom } from '../../../core/python/python-random.js';
import { findRow, languageProfiles, type LanguageProfiles } from './langdetect-profiles.js';
import { isUppercaseCodePoint, normalizeCodePoint, normalizeVietnamese } from './ngram-normalization.js';

// langdetect 1.0.9 `Detector` constants and defaults.
const ALPHA_DEFAULT = 0.5;
const ALPHA_WIDTH = 0.05;
const ITERATION_LIMIT = 1000;
const PROB_THRESHOLD = 0.1;
const CONV_THRESHOLD = 0.99999;
const BASE_FREQ = 10000;
const N_TRIAL = 7;
const MAX_TEXT_LENGTH = 10000;
const N_GRAM = 3;
const SEED = 0;
const SPACE = 0x20;

const URL_PATTERN = /https?:\/\/[-_.?&~;+=\/#0-9A-Za-z]{1,2076}/g;
const MAIL_PATTERN = /[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}/g;

/** langdetect raised `LangDetectException`: the text has no n-gram that any profile knows. */
export class LanguageNotDetected extends Error {
  constructor() {
    super('No features in text.');
    this.name = 'LanguageNotDetected';
  }
}

/** One entry of langdetect's `detect_langs` result. */
export interface LanguageProbability {
  readonly language: string;
  readonly probability: number;
}

/**
 * langdetect 1.0.9's `detect_langs(text)` with `DetectorFactory.seed = 0`: the languages whose
 * averaged probability exceeds 0.1, most probable first (ties keep profile order).
 *
 * Steps as in langdetect's `Detector`: URLs and e-mail addresses become spaces, Vietnamese
 * letter + combining mark pairs are precomposed, the first 10000 code points are kept with runs of
 * spaces collapsed; when fewer than half as many code points lie in 'A'..'z' as lie at U+0300 or
 * above, the 'A'..'z' ones are dropped (langdetect compares a block number with a block name there,
 * so Latin Extended Additional counts as non-Latin too). The 1- to 3-grams of the normalized text
 * that some profile knows are collected, skipping those that end on an uppercase letter right
 * after another uppercase letter. Then 7 trials, each from a uniform prior with smoothing
 * `alpha = 0.5 + gauss() * 0.05`, multiply the scores by `alpha / 10000 + P(gram | language)` for
 * randomly chosen n-grams, normalizing every fifth step, until the best score exceeds 0.99999 or
 * 1000 steps passed; the trial scores are averaged. The random stream is CPython's `random.Random`
 * seeded with 0 for each text, so the result does not depend on earlier calls.
 *
 * Google's IFEval code never sets the seed, so there every call reseeds from the OS; seed 0 fixes
 * one of those outcomes. Sums run left to right as in CPython 3.11 (3.12's `sum` compensates).
 *
 * @throws LanguageNotDetected when no known n-gram is found (langdetect's `LangDetectException`).
 */
export function detectLanguageProbabilities(text: string): LanguageProbability[] {
  const profiles = languageProfiles();
  const rows = extractNgramRows(cleanText(collectText(text)), profiles);
  if (rows.length === 0) throw new LanguageNotDetected();
  const scores = averageTrials(rows, profiles);
  const result: LanguageProbability[] = [];
  scores.forEach((probability, index) => {
    if (probability > PROB_THRESHOLD) result.push({ language: profiles.languages[index] as string, probability });
  });
  return result.sort((a, b) => b.probability - a.probability);
}

/**
 * langdetect 1.0.9's `detect(text)` with `DetectorFactory.seed = 0`: the most probable language
 * of `detectLanguageProbabilities`, or `unknown` when no language scores above 0.1.
 *
 * @throws LanguageNotDetected when langdetect would raise `LangDetectException`.
 */
export function detectLanguage(text: string): string {
  return detectLanguageProbabilities(text)[0]?.language ?? 'unknown';
}

// `Detector.append`: returns the code points kept.
function collectText(text: string): number[] {
  const normalized = normalizeVietnamese(text.replace(URL_PATTERN, ' ').replace(MAIL_PATTERN, ' '));
  const kept: number[] = [];
  let previous = -1;
  let count = 0;
  for (const ch of normalized) {
    if (count++ >= MAX_TEXT_LENGTH) break;
    const cp = ch.codePointAt(0) as number;
    if (cp !== SPACE || previous !== SPACE) kept.push(cp);
    previous = cp;
  }
  return kept;
}

// `Detector.cleaning_text`.
function cleanText(codePoints: number[]): number[] {
  let latin = 0;
  let nonLatin = 0;
  for (const cp of codePoints) {
    if (cp >= 0x41 && cp <= 0x7a) latin++;
    else if (cp >= 0x300) nonLatin++;
  }
  if (latin * 2 >= nonLatin) return codePoints;
  return codePoints.filter((cp) => cp < 0x41 || cp > 0x7a);
}

// `Detector._extract_ngrams` with `NGram.add_char`: the profile rows of the n-grams, in text order.
// The n-gram window `NGram.grams` is its length (1 to 3) and its last three code points.
function extractNgramRows(codePoints: readonly number[], profiles: LanguageProfiles): number[] {
  const rows: number[] = [];
  let length = 1;
  let first = SPACE;
  let second = SPACE;
  let third = SPACE;
  let capitalWord = false;
  for (const raw of codePoints) {
    const cp = normalizeCodePoint(raw);
    const last = third;
    if (last === SPACE) {
      length = 1;
      capitalWord = false;
      if (cp === SPACE) continue;
    } else if (length === N_GRAM) {
      length--;
    }
    first = second;
    second = third;
    third = cp;
    length++;
    if (isUppercaseCodePoint(cp)) {
      if (isUppercaseCodePoint(last)) capitalWord = true;
    } else {
      capitalWord = false;
    }
    // Profile n-grams are BMP only, so one holding a higher code point is never found.
    if (capitalWord || cp > 0xffff) continue;
    if (cp !== SPACE) pushRow(rows, findRow(profiles, 0, 0, cp));
    if (length >= 2 && second <= 0xffff) {
      pushRow(rows, findRow(profiles, 0, second, cp));
      if (length === 3 && first <= 0xffff) pushRow(rows, findRow(profiles, first, second, cp));
    }
  }
  return rows;
}

function pushRow(rows: number[], row: number): void {
  if (row >= 0) rows.push(row);
}

// `Detector._detect_block` after extraction: 7 seeded trials, averaged.
function averageTrials(rows: readonly number[], profiles: LanguageProfiles): Float64Array {
  const size = profiles.languages.length;
  const average = new Float64Array(size);
  const prob = new Float64Array(size);
  const random = new PythonRandom(SEED);
  for (let trial = 0; trial < N_TRIAL; trial++) {
    prob.fill(1 / size);
    const alpha = ALPHA_DEFAULT + random.gauss(0, 1) * ALPHA_WIDTH;
    const weight = alpha / BASE_FREQ;
    for (let i = 0; ; i++) {
      updateScores(prob, weight, random.choice(rows), profiles);
      if (i % 5 === 0 && (normalizeScores(prob) > CONV_THRESHOLD || i >= ITERATION_LIMIT)) break;
    }
    for (let j = 0; j < size; j++) average[j] = (average[j] as number) + (prob[j] as number) / N_TRIAL;
  }
  return average;
}

// `Detector._update_lang_prob`: a language without the n-gram multiplies by `weight + 0.0`, that
// is by `weight`. A row's entries are in language order.
function updateScores(prob: Float64Array, weight: number, row: number, profiles: LanguageProfiles): void {
  const { entryLanguage, entryProbability } = profiles;
  let entry = profiles.rowStart[row] as number;
  const end = profiles.rowStart[row + 1] as number;
  let next = entry < end ? (entryLanguage[entry] as number) : -1;
  for (let j = 0; j < prob.length; j++) {
    if (j === next) {
      prob[j] = (prob[j] as number) * (weight + (entryProbability[entry] as number));
      entry++;
      next = entry < end ? (entryLanguage[entry] as number) : -1;
    } else {
      prob[j] = (prob[j] as number) * weight;
    }
  }
}

// `Detector._normalize_prob`: divides by the left-to-right sum, returns the largest result.
function normalizeScores(prob: Float64Array): number {
  let sum = 0;
  for (const p of prob) sum += p;
  let max = 0;
  for (let j = 0; j < prob.length; j++) {
    const p = (prob[j] as number) / sum;
    if (max < p) max = p;
    prob[j] = p;
  }
  return max;
}
