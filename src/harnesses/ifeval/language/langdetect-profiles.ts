import langdetectData from '../data/langdetect-profiles.json' with { type: 'json' };

/**
 * langdetect 1.0.9's language profiles as its `DetectorFactory` holds them: for each n-gram, the
 * probability `freq / n_words[len - 1]` in every profile that has it (0 in the others).
 *
 * The data file `../data/langdetect-profiles.json` (Apache-2.0, origin in its `source` field) was
 * made once from Debian's python3-langdetect 1.0.9-1: the 55 files of `langdetect/profiles/` in
 * sorted order, with every n-gram and count kept except n-grams NGram normalization can never
 * produce (a character that normalizes to another one, or a space inside a 3-gram); the detector
 * only looks up n-grams it extracted, so dropping them changes no result. The NGram tables of
 * `utils/messages.properties` sit in the same file.
 *
 * Profile order: langdetect loads profiles in `os.listdir` order, which depends on the file
 * system; it only decides the order of the floating-point sum that normalizes the scores and which
 * of two exactly equal scores is listed first. Sorted order is used here; on the IFEval texts
 * (responses, their loose variants, prompts) langdetect's own listdir order and sorted order give
 * the same language every time.
 */
export interface LanguageProfiles {
  /** Profile names (ISO codes such as `en`, `zh-cn`), sorted; score vectors use this order. */
  readonly languages: readonly string[];
  /** Open-addressing index from n-gram to row; read it with `findRow`. */
  readonly index: NgramIndex;
  /** Row r covers entries `rowStart[r]` up to `rowStart[r + 1]`. */
  readonly rowStart: Int32Array;
  /** Language index of each entry. */
  readonly entryLanguage: Uint8Array;
  /** `freq / n_words[len - 1]` of each entry, computed in doubles as langdetect does. */
  readonly entryProbability: Float64Array;
}

/** The NGram normalization tables of langdetect's `messages.properties`. */
export interface NgramTables {
  /** `NGram.LATIN1_EXCLUDE`: Latin-1 characters that normalize to a space. */
  readonly latin1Excluded: string;
  /** `NGram.CJK_MAP`: each kanji of a `NGram.KANJI_*` class to the class's first character. */
  readonly cjkRepresentative: ReadonlyMap<number, number>;
  /** `TO_NORMALIZE_VI_CHARS`: letters that take a combining Vietnamese mark. */
  readonly vietnameseLetters: string;
  /** `DMARK_CLASS`: the combining marks U+0300, U+0301, U+0303, U+0309, U+0323. */
  readonly vietnameseMarks: string;
  /** `NORMALIZED_VI_CHARS_*` by mark: the precomposed letter at the letter's index. */
  readonly vietnameseComposed: readonly string[];
}

/**
 * Hash table of the n-grams. Profile n-grams are 1 to 3 BMP code points and none holds U+0000, so
 * an n-gram is the triple (first, second, third) with leading zeros for shorter ones ("ab" is
 * (0, 0x61, 0x62)), stored as `high` = first and `low` = second << 16 | third.
 */
interface NgramIndex {
  readonly high: Uint32Array;
  readonly low: Uint32Array;
  /** Row of each slot, -1 for an empty slot. */
  readonly row: Int32Array;
  readonly shift: number;
}

/** The row of the n-gram (first, second, third) (leading zeros for shorter ones), or -1. */
export function findRow(profiles: LanguageProfiles, first: number, second: number, third: number): number {
  const { high, low, row, shift } = profiles.index;
  const lowKey = ((second << 16) | third) >>> 0;
  const mask = row.length - 1;
  for (let slot = slotOf(first, lowKey, shift); ; slot = (slot + 1) & mask) {
    const found = row[slot] as number;
    if (found < 0 || (high[slot] === first && low[slot] === lowKey)) return found;
  }
}

function slotOf(high: number, low: number, shift: number): number {
  return Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> shift;
}

function emptyIndex(keyCount: number): NgramIndex {
  let bits = 1;
  while (1 << bits < keyCount * 2) bits++;
  const size = 1 << bits;
  return { high: new Uint32Array(size), low: new Uint32Array(size), row: new Int32Array(size).fill(-1), shift: 32 - bits };
}

function insertRow(index: NgramIndex, first: number, second: number, third: number, row: number): void {
  const lowKey = ((second << 16) | third) >>> 0;
  const mask = index.row.length - 1;
  let slot = slotOf(first, lowKey, index.shift);
  while ((index.row[slot] as number) >= 0) slot = (slot + 1) & mask;
  index.high[slot] = first;
  index.low[slot] = lowKey;
  index.row[slot] = row;
}

let profiles: LanguageProfiles | undefined;
let tables: NgramTables | undefined;

/** The profiles, decoded from the data file on first use and kept. */
export function languageProfiles(): LanguageProfiles {
  profiles ??= decodeProfiles();
  return profiles;
}

/** The NGram tables, built on first use and kept. */
export function ngramTables(): NgramTables {
  tables ??= {
    latin1Excluded: langdetectData.latin1Excluded,
    cjkRepresentative: cjkRepresentatives(langdetectData.cjkClasses),
    vietnameseLetters: langdetectData.vietnamese.letters,
    vietnameseMarks: langdetectData.vietnamese.marks,
    vietnameseComposed: langdetectData.vietnamese.composed,
  };
  return tables;
}

const COLON = 0x3a;
const COMMA = 0x2c;

// Reads the records by character code, with no string per field, to keep the one-time load short.
function decodeProfiles(): LanguageProfiles {
  const { grams, nWords } = langdetectData;
  const records = grams.split(';');
  const index = emptyIndex(records.length);
  const rowStart = new Int32Array(records.length + 1);
  const entryLanguages: number[] = [];
  const entryProbabilities: number[] = [];
  records.forEach((record, row) => {
    const bar = record.lastIndexOf('|');
    const keyOf = (k: number): number => (k < 0 ? 0 : record.charCodeAt(k));
    const [first, second, third] = [keyOf(bar - 3), keyOf(bar - 2), keyOf(bar - 1)];
    if (bar < 1 || bar > 3 || [first, second, third].some((cp) => cp >= 0xd800 && cp <= 0xdfff)) {
      throw new Error(`langdetect-profiles.json: record "${record}" does not start with 1 to 3 BMP code points`);
    }
    insertRow(index, first, second, third, row);
    let language = 0;
    let count = 0;
    for (let k = bar + 1; k <= record.length; k++) {
      const c = k < record.length ? record.charCodeAt(k) : COMMA;
      if (c === COLON) {
        language = count;
        count = 0;
      } else if (c === COMMA) {
        const total = nWords[language]?.[bar - 1];
        if (total === undefined) throw new Error(`langdetect-profiles.json: bad language ${language} in record "${record}"`);
        entryLanguages.push(language);
        entryProbabilities.push(count / total);
        count = 0;
      } else {
        count = count * 10 + (c - 0x30);
      }
    }
    rowStart[row + 1] = entryLanguages.length;
  });
  return {
    languages: langdetectData.languages,
    index,
    rowStart,
    entryLanguage: Uint8Array.from(entryLanguages),
    entryProbability: Float64Array.from(entryProbabilities),
  };
}

// A later class overwrites an earlier one's mapping, as `NGram._init_cjk_map` does.
function cjkRepresentatives(classes: readonly string[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const members of classes) {
    const representative = members.codePointAt(0);
    if (representative === undefined) continue;
    for (const member of members) map.set(member.codePointAt(0) as number, representative);
  }
  return map;
}
