/*
 * Where Python's title case (used by `str.capitalize` for the first character since 3.8) is not its
 * upper case, generated from CPython 3.11's Unicode 14 database; every other character's title case
 * is its upper case, which JS's `toUpperCase` gives (a character Unicode cased after version 14,
 * such as U+019B, follows JS).
 */

/** Code point ranges whose title case is the character itself (e.g. Georgian Mkhedruli, whose upper case is Mtavruli). */
const TITLE_IS_SELF: readonly (readonly [number, number])[] = [
  [0x1c5, 0x1c5], [0x1c8, 0x1c8], [0x1cb, 0x1cb], [0x1f2, 0x1f2], [0x10d0, 0x10fa], [0x10fd, 0x10ff],
  [0x1f88, 0x1f8f], [0x1f98, 0x1f9f], [0x1fa8, 0x1faf], [0x1fbc, 0x1fbc], [0x1fcc, 0x1fcc], [0x1ffc, 0x1ffc],
];
/** The other characters whose title case is neither themselves nor their upper case. */
const TITLE_DIFFERS_FROM_UPPER: Readonly<Record<number, string>> = {
  0xdf: '\u0053\u0073', 0x1c4: '\u01c5', 0x1c6: '\u01c5', 0x1c7: '\u01c8',
  0x1c9: '\u01c8', 0x1ca: '\u01cb', 0x1cc: '\u01cb', 0x1f1: '\u01f2',
  0x1f3: '\u01f2', 0x587: '\u0535\u0582', 0x1f80: '\u1f88', 0x1f81: '\u1f89',
  0x1f82: '\u1f8a', 0x1f83: '\u1f8b', 0x1f84: '\u1f8c', 0x1f85: '\u1f8d',
  0x1f86: '\u1f8e', 0x1f87: '\u1f8f', 0x1f90: '\u1f98', 0x1f91: '\u1f99',
  0x1f92: '\u1f9a', 0x1f93: '\u1f9b', 0x1f94: '\u1f9c', 0x1f95: '\u1f9d',
  0x1f96: '\u1f9e', 0x1f97: '\u1f9f', 0x1fa0: '\u1fa8', 0x1fa1: '\u1fa9',
  0x1fa2: '\u1faa', 0x1fa3: '\u1fab', 0x1fa4: '\u1fac', 0x1fa5: '\u1fad',
  0x1fa6: '\u1fae', 0x1fa7: '\u1faf', 0x1fb2: '\u1fba\u0345', 0x1fb3: '\u1fbc',
  0x1fb4: '\u0386\u0345', 0x1fb7: '\u0391\u0342\u0345', 0x1fc2: '\u1fca\u0345', 0x1fc3: '\u1fcc',
  0x1fc4: '\u0389\u0345', 0x1fc7: '\u0397\u0342\u0345', 0x1ff2: '\u1ffa\u0345', 0x1ff3: '\u1ffc',
  0x1ff4: '\u038f\u0345', 0x1ff7: '\u03a9\u0342\u0345', 0xfb00: '\u0046\u0066', 0xfb01: '\u0046\u0069',
  0xfb02: '\u0046\u006c', 0xfb03: '\u0046\u0066\u0069', 0xfb04: '\u0046\u0066\u006c', 0xfb05: '\u0053\u0074',
  0xfb06: '\u0053\u0074', 0xfb13: '\u0544\u0576', 0xfb14: '\u0544\u0565', 0xfb15: '\u0544\u056b',
  0xfb16: '\u054e\u0576', 0xfb17: '\u0544\u056d',
};

function titleCase(char: string): string {
  const codePoint = char.codePointAt(0) as number;
  const mapped = TITLE_DIFFERS_FROM_UPPER[codePoint];
  if (mapped !== undefined) return mapped;
  if (TITLE_IS_SELF.some(([first, last]) => codePoint >= first && codePoint <= last)) return char;
  return char.toUpperCase();
}

/**
 * Python's `str.capitalize()`: the first character in title case (`"ǆx"` → `"ǅx"`, `"ßa"` →
 * `"Ssa"`) and every other one in lower case, with the full Unicode mappings (`"İ"` lowers to
 * `"i̇"`) and the final-sigma rule judged on the whole string (`"ΟΔΟΣ"` → `"Οδος"`).
 */
export function pythonCapitalize(text: string): string {
  if (text === '') return '';
  const first = String.fromCodePoint(text.codePointAt(0) as number);
  // Lowering the whole string keeps the context the final-sigma rule looks at (the first character
  // included); the first character is never a final sigma, so its lower case is context-free.
  const rest = text.toLowerCase().slice(first.toLowerCase().length);
  return titleCase(first) + rest;
}
