import { type CodePointRange, ignoreCaseAdditions } from './python-ignore-case.js';
import { PYTHON_WHITESPACE_MEMBERS } from './python-whitespace.js';

/** A Python `re` pattern as JS RegExp source with the same meaning. */
export interface PythonRegexTranslation {
  source: string;
  /** `u`, plus `i` for `(?i)` in Unicode mode (under `(?a)` case folding is spelled out instead). */
  flags: string;
  /** Number of capturing groups, as `re.compile(pattern).groups`. */
  groups: number;
}

/**
 * Translates a Python `re` pattern (str pattern, default flags) into JS RegExp source that matches
 * exactly what Python matches, always with the `u` flag so it works on code points as Python does.
 * Where the two engines differ the translation spells out Python's meaning:
 * - `.` excludes only `\n` (JS also excludes `\r`, U+2028, U+2029); `(?s)` makes it match anything.
 * - `$` matches at the end and before a final `\n`; `^`/`$` follow `(?m)`; `\A`, `\Z` as in Python.
 * - `\d` is any Unicode decimal digit (Nd), `\w` letters, numbers and `_`, `\s` Python's whitespace
 *   set (with `\x1c`–`\x1f` and U+0085, without U+FEFF); `\b`/`\B` use that `\w`. `(?a)` makes
 *   them ASCII.
 * - `{` that does not start a valid repeat is a literal, `{,n}` means `{0,n}`.
 * - `(?i)` is the JS `i` flag plus Python's folding of I, i, İ (U+0130) and ı (U+0131) into one
 *   class; with `(?a)` only ASCII letters fold. One difference remains: under `(?i)` JS folds
 *   U+0345 (COMBINING GREEK YPOGEGRAMMENI) to ι, so `\w`, `\W`, `\b` and `\B` count it as a word
 *   character, which Python does not; a JS RegExp with the `i` flag cannot tell the two apart.
 * The character properties come from the JS engine's Unicode tables and Python's from its own
 * (CPython 3.11 has Unicode 14), so code points assigned in a later Unicode version than Python's
 * may differ.
 * Constructs whose meaning differs and cannot be translated exactly throw a SyntaxError instead of
 * being approximated: backreferences, scoped flags `(?i:…)`, verbose mode, possessive and atomic
 * groups, conditionals, and capturing groups nested inside a repeated group (JS forgets their
 * value on each repetition, Python keeps the last one). Malformed patterns throw a SyntaxError too.
 */
export function translatePythonRegex(pattern: string): PythonRegexTranslation {
  return new Translator(pattern).run();
}

interface Flags {
  ascii: boolean;
  unicode: boolean;
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

/** What an item in a sequence is, for deciding whether a quantifier may follow it. */
type ItemKind = 'atom' | 'anchor' | 'lookaround' | 'repeat';

interface Item {
  js: string;
  kind: ItemKind;
  /** Capturing groups strictly inside this item (not counting the item itself). */
  nestedCaptures: number;
}

/** One member of a character class: a range of code points or a category such as `\d`. */
type ClassMember = { range: CodePointRange } | { category: string };

const ASCII_SPACE = ' \\t\\n\\r\\f\\v';
const UNICODE_WORD = '\\p{L}\\p{N}_';
const ASCII_WORD = 'A-Za-z0-9_';
const ANY = '[\\s\\S]';
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
/**
 * Appended to every pattern. A search with the `u` flag in V8 also tries the position between the
 * two halves of a surrogate pair, where it sees no character on either side, so an empty match
 * there (e.g. of `$` or a negative lookbehind) would be a position Python's code-point string does
 * not have. A match that is not empty always ends after a character; an empty one must have a
 * character on one side or be at the start.
 */
const AT_CODE_POINT_BOUNDARY = '(?:(?<=[\\s\\S])|(?=[\\s\\S])|^)';

class Translator {
  private readonly chars: string[];
  private pos = 0;
  private groups = 0;
  private readonly flags: Flags = { ascii: false, unicode: false, ignoreCase: false, multiline: false, dotAll: false };

  constructor(private readonly pattern: string) {
    this.chars = Array.from(pattern);
  }

  run(): PythonRegexTranslation {
    this.leadingFlags();
    const source = `(?:${this.alternation()})${AT_CODE_POINT_BOUNDARY}`;
    if (this.pos < this.chars.length) throw this.error('unbalanced parenthesis');
    return { source, flags: this.flags.ignoreCase && !this.flags.ascii ? 'iu' : 'u', groups: this.groups };
  }

  private error(problem: string): SyntaxError {
    return new SyntaxError(`Python regex ${JSON.stringify(this.pattern)} at position ${this.pos}: ${problem}`);
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private leadingFlags(): void {
    for (;;) {
      const match = /^\(\?([aiLmsux]+)\)/.exec(this.chars.slice(this.pos, this.pos + 12).join(''));
      if (!match) break;
      for (const flag of match[1] as string) {
        if (flag === 'a') this.flags.ascii = true;
        else if (flag === 'u') this.flags.unicode = true;
        else if (flag === 'i') this.flags.ignoreCase = true;
        else if (flag === 'm') this.flags.multiline = true;
        else if (flag === 's') this.flags.dotAll = true;
        else throw this.error(`flag (?${flag}) is not supported`);
      }
      this.pos += match[0].length;
    }
    if (this.flags.ascii && this.flags.unicode) throw this.error('ASCII and UNICODE flags are incompatible');
  }

  private alternation(): string {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    return branches.join('|');
  }

  private sequence(): string {
    const items: Item[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      const repeat = this.repeat();
      if (repeat) {
        const last = items.at(-1);
        if (!last || last.kind === 'anchor') throw this.error('nothing to repeat');
        if (last.kind === 'repeat') throw this.error('multiple repeat');
        if (last.kind === 'lookaround') throw this.error('a repeated lookaround is not supported');
        if (repeat.max > 1 && last.nestedCaptures > 0) {
          throw this.error('a capturing group inside a repeated group is not supported (JS and Python keep different values)');
        }
        items[items.length - 1] = { js: last.js + repeat.js, kind: 'repeat', nestedCaptures: last.nestedCaptures };
        continue;
      }
      const item = this.item();
      if (item) items.push(item);
    }
    return items.map((item) => item.js).join('');
  }

  /** A quantifier at the current position (consumed), or undefined (nothing consumed). */
  private repeat(): { js: string; max: number } | undefined {
    const c = this.peek();
    let js: string;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      js = c;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const match = /^\{(\d*)(?:(,)(\d*))?\}/.exec(this.chars.slice(this.pos, this.pos + 40).join(''));
      if (!match || match[0] === '{}') return undefined;
      this.pos += match[0].length;
      const min = match[1] || '0';
      if (match[2] === undefined) {
        js = `{${min}}`;
        max = Number(min);
      } else {
        js = `{${min},${match[3] ?? ''}}`;
        max = match[3] ? Number(match[3]) : Infinity;
      }
    } else {
      return undefined;
    }
    if (this.peek() === '?') {
      this.pos++;
      js += '?';
    } else if (this.peek() === '+') {
      throw this.error('possessive quantifiers are not supported');
    }
    return { js, max };
  }

  /** The next item, or undefined for a `(?#…)` comment, which Python drops entirely. */
  private item(): Item | undefined {
    const c = this.peek() as string;
    this.pos++;
    switch (c) {
      case '.':
        return atom(this.flags.dotAll ? ANY : '[^\\n]');
      case '^':
        return anchor(this.flags.multiline ? '(?<![^\\n])' : '(?<![\\s\\S])');
      case '$':
        return anchor(this.flags.multiline ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))');
      case '[':
        return atom(this.characterClass());
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      default:
        return atom(this.literal(c.codePointAt(0) as number));
    }
  }

  private group(): Item | undefined {
    if (this.peek() !== '?') return this.capturingGroup('(');
    const ahead = this.chars.slice(this.pos, this.pos + 3).join('');
    if (ahead.startsWith('?:')) {
      this.pos += 2;
      const before = this.groups;
      const inner = this.alternation();
      this.close();
      return { js: `(?:${inner})`, kind: 'atom', nestedCaptures: this.groups - before };
    }
    if (ahead.startsWith('?P<')) {
      const name = /^\?P<([A-Za-z_][A-Za-z0-9_]*)>/.exec(this.chars.slice(this.pos, this.pos + 100).join(''));
      if (!name) throw this.error('bad group name');
      this.pos += name[0].length;
      return this.capturingGroup(`(?<${name[1]}>`);
    }
    for (const opener of ['?=', '?!', '?<=', '?<!']) {
      if (ahead.startsWith(opener)) {
        this.pos += opener.length;
        const before = this.groups;
        const inner = this.alternation();
        this.close();
        return { js: `(${opener}${inner})`, kind: 'lookaround', nestedCaptures: this.groups - before };
      }
    }
    if (ahead.startsWith('?#')) {
      while (this.peek() !== undefined && this.peek() !== ')') this.pos++;
      this.close();
      return undefined;
    }
    throw this.error(`group "(${ahead}" is not supported (backreference, scoped or misplaced flags, atomic or conditional group)`);
  }

  private capturingGroup(opener: string): Item {
    this.groups++;
    const before = this.groups;
    const inner = this.alternation();
    this.close();
    return { js: `${opener}${inner})`, kind: 'atom', nestedCaptures: this.groups - before };
  }

  private close(): void {
    if (this.peek() !== ')') throw this.error('missing ), unterminated subpattern');
    this.pos++;
  }

  private escape(): Item {
    const c = this.peek();
    if (c === undefined) throw this.error('bad escape (end of pattern)');
    this.pos++;
    const word = `[${this.flags.ascii ? ASCII_WORD : UNICODE_WORD}]`;
    switch (c) {
      case 'A':
        return anchor('(?<![\\s\\S])');
      case 'Z':
        return anchor('(?![\\s\\S])');
      case 'b':
        return anchor(`(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`);
      case 'B':
        return anchor(`(?:(?<=${word})(?=${word})|(?<!${word})(?!${word})(?:(?<=${ANY})|(?=${ANY})))`);
      default: {
        const set = this.categoryClass(c);
        if (set !== undefined) return atom(set.negated ? `[^${set.body}]` : `[${set.body}]`);
        return atom(this.literal(this.escapedCodePoint(c)));
      }
    }
  }

  /** `\d \D \s \S \w \W` as a class body, or undefined for any other escape letter. */
  private categoryClass(c: string): { body: string; negated: boolean } | undefined {
    const ascii = this.flags.ascii;
    const lower = c.toLowerCase();
    const body = lower === 'd' ? (ascii ? '0-9' : '\\p{Nd}') : lower === 's' ? (ascii ? ASCII_SPACE : PYTHON_WHITESPACE_MEMBERS) : lower === 'w' ? (ascii ? ASCII_WORD : UNICODE_WORD) : undefined;
    if (body === undefined || !'dDsSwW'.includes(c)) return undefined;
    return { body, negated: c !== lower };
  }

  /** The code point of a character escape (the backslash and `c` already consumed). */
  private escapedCodePoint(c: string, inClass = false): number {
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return simple;
    if (inClass && c === 'b') return 8;
    if (c === 'x' || c === 'u' || c === 'U') {
      const width = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const hex = this.chars.slice(this.pos, this.pos + width).join('');
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) throw this.error(`incomplete escape \\${c}${hex}`);
      this.pos += width;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw this.error(`bad escape \\${c}${hex}`);
      return code;
    }
    if (c === '0' || (inClass && /[1-7]/.test(c))) {
      let digits = c;
      while (digits.length < 3 && /[0-7]/.test(this.peek() ?? '')) digits += this.chars[this.pos++];
      const code = parseInt(digits, 8);
      if (code > 0o377) throw this.error(`octal escape value \\${digits} outside of range 0-0o377`);
      return code;
    }
    if (/[0-9]/.test(c)) throw this.error('backreferences and octal escapes \\1-\\9 are not supported');
    if (/[A-Za-z]/.test(c)) throw this.error(`bad escape \\${c}`);
    return c.codePointAt(0) as number;
  }

  /** One literal character, with the other characters Python's `(?i)` folds it with. */
  private literal(code: number): string {
    const additions = this.flags.ignoreCase ? ignoreCaseAdditions([[code, code]], this.flags.ascii) : [];
    return additions.length === 0 ? literal(code) : `[${literal(code)}${additions.map(rangeSource).join('')}]`;
  }

  private characterClass(): string {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const members: ClassMember[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw this.error('unterminated character set');
      this.pos++;
      if (c === ']' && members.length > 0) break;
      const first = this.classAtom(c);
      if (this.peek() === '-' && this.peek(1) !== undefined) {
        this.pos++;
        const d = this.peek() as string;
        this.pos++;
        if (d === ']') {
          members.push(first, { range: [45, 45] });
          break;
        }
        const second = this.classAtom(d);
        if (!('range' in first) || !('range' in second) || second.range[0] < first.range[0]) throw this.error('bad character range');
        members.push({ range: [first.range[0], second.range[0]] });
      } else {
        members.push(first);
      }
    }
    const ranges = members.flatMap((member) => ('range' in member ? [member.range] : []));
    const additions = this.flags.ignoreCase ? ignoreCaseAdditions(ranges, this.flags.ascii) : [];
    const body = members.map((member) => ('range' in member ? rangeSource(member.range) : member.category)).join('') + additions.map(rangeSource).join('');
    return `[${negated ? '^' : ''}${body}]`;
  }

  /** One member of a class: a single code point (a one-point range) or a category such as `\d`. */
  private classAtom(c: string): ClassMember {
    if (c !== '\\') {
      const code = c.codePointAt(0) as number;
      return { range: [code, code] };
    }
    const e = this.peek();
    if (e === undefined) throw this.error('bad escape (end of pattern)');
    this.pos++;
    const set = this.categoryClass(e);
    if (set !== undefined) {
      if (set.negated) throw this.error(`\\${e} inside a character class is not supported`);
      return { category: set.body };
    }
    const code = this.escapedCodePoint(e, true);
    return { range: [code, code] };
  }
}

function atom(js: string): Item {
  return { js, kind: 'atom', nestedCaptures: 0 };
}

function anchor(js: string): Item {
  return { js, kind: 'anchor', nestedCaptures: 0 };
}

/** A code point as JS regex source that means exactly that character, in or out of a class. */
function literal(code: number): string {
  const c = String.fromCodePoint(code);
  return /^[A-Za-z0-9]$/.test(c) ? c : `\\u{${code.toString(16)}}`;
}

function rangeSource([lo, hi]: CodePointRange): string {
  return lo === hi ? literal(lo) : `${literal(lo)}-${literal(hi)}`;
}
