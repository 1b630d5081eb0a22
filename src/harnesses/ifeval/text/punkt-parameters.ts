import punktEnglish from '../data/punkt-english.json' with { type: 'json' };

/**
 * What punkt's sentence tokenizer reads from a trained model (NLTK's `PunktParameters`). Types are
 * lowercased tokens, numbers replaced by `##number##`.
 */
export interface PunktParameters {
  /** Types that are abbreviations, without their final period (`dr`, `u.s`). */
  abbrevTypes: ReadonlySet<string>;
  /** Pairs (type before a period, next type) that are not a sentence break, keyed by `collocationKey`. */
  collocations: ReadonlySet<string>;
  /** Types that often start a sentence. */
  sentStarters: ReadonlySet<string>;
  /** The orthographic contexts each type was seen in (sum of the `ORTHO_*` flags); missing means 0. */
  orthoContext: ReadonlyMap<string, number>;
}

/** Orthographic context flags: sentence-initial, sentence-internal, unknown position × upper/lower case. */
export const ORTHO_BEG_UC = 1 << 1;
export const ORTHO_MID_UC = 1 << 2;
export const ORTHO_UNK_UC = 1 << 3;
export const ORTHO_BEG_LC = 1 << 4;
export const ORTHO_MID_LC = 1 << 5;
export const ORTHO_UNK_LC = 1 << 6;
export const ORTHO_UC = ORTHO_BEG_UC + ORTHO_MID_UC + ORTHO_UNK_UC;
export const ORTHO_LC = ORTHO_BEG_LC + ORTHO_MID_LC + ORTHO_UNK_LC;

/** The key of a collocation in `PunktParameters.collocations`; no token holds a newline. */
export function collocationKey(type: string, nextType: string): string {
  return `${type}\n${nextType}`;
}

let english: PunktParameters | undefined;

/**
 * The English model that the reference's `nltk.data.load("nltk:tokenizers/punkt/english.pickle")`
 * loads under NLTK 3.8 (`tokenizers/punkt/PY3/english.pickle` of the NLTK Data punkt package),
 * converted to `data/punkt-english.json` (see its `source` and `license` fields). Built on first
 * use, then shared.
 */
export function englishPunktParameters(): PunktParameters {
  english ??= {
    abbrevTypes: new Set(punktEnglish.abbrevTypes),
    collocations: new Set(punktEnglish.collocations.map(([type, nextType]) => collocationKey(type as string, nextType as string))),
    sentStarters: new Set(punktEnglish.sentStarters),
    orthoContext: new Map(Object.entries(punktEnglish.orthoContext).flatMap(([flags, types]) => types.map((type) => [type, Number(flags)] as const))),
  };
  return english;
}
