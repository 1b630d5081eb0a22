/**
 * A Python `re` pattern (str pattern, default flags) run with Python's semantics in JavaScript.
 *
 * Harness definitions keep their regexes byte for byte as Python source; this module translates
 * that source once into an equivalent JS RegExp (always the `u` flag, so it works on code points as
 * Python does) and reproduces `re.findall` and `re.sub`. The translation spells out where the two
 * engines differ:
 * - `.` excludes only `\n` (JS also excludes `\r`, U+2028, U+2029); `(?s)` makes it match anything.
 * - `$` matches at the end and before a final `\n`; `^`/`$` follow `(?m)`; `\A`, `\Z` as in Python.
 * - `\d` is any Unicode decimal digit (Nd), `\w` letters, numbers and `_`, `\s` Python's whitespace
 *   set (with `\x1c`–`\x1f` and U+0085, without U+FEFF); `\b`/`\B` use that `\w`. `(?a)` makes
 *   them ASCII.
 * - `{` that does not start a valid repeat is a literal, `{,n}` means `{0,n}`.
 * - After an empty match, the next match may not be empty at the same position (Python 3.7+).
 * Constructs whose meaning differs and cannot be translated exactly are rejected with a
 * SyntaxError instead of being approximated: backreferences, scoped flags `(?i:…)`, verbose mode,
 * possessive and atomic groups, conditionals, and capturing groups nested inside a repeated group
 * (JS forgets their value on each repetition, Python keeps the last one).
 * `(?i)` uses JS's Unicode simple case folding, which agrees with Python for all but a few
 * characters outside ASCII.
 */
export class PythonRegex {
  /** Number of capturing groups, as `re.compile(pattern).groups`. */
  readonly groups: number;
  private readonly js: RegExp;

  constructor(readonly pattern: string) {
    const translated = translate(pattern);
    this.groups = translated.groups;
    this.js = new RegExp(translated.source, translated.ignoreCase ? 'giu' : 'gu');
  }

  /**
   * `re.findall(pattern, text)`: with no group each match's text, with one group that group's
   * text, with several a tuple (array) of every group; a group that did not take part gives `""`.
   */
  findall(text: string): (string | string[])[] {
    const found: (string | string[])[] = [];
    for (const match of this.matches(text)) {
      if (this.groups === 0) found.push(match[0]);
      else if (this.groups === 1) found.push(match[1] ?? '');
      else found.push(Array.from({ length: this.groups }, (_, i) => match[i + 1] ?? ''));
    }
    return found;
  }

  /**
   * `re.sub(pattern, replacement, text)` for a literal replacement. Python would expand escapes
   * and group references in the replacement, so a replacement with a backslash is rejected.
   */
  sub(text: string, replacement: string): string {
    if (replacement.includes('\\')) throw new SyntaxError(`PythonRegex.sub takes a literal replacement without "\\", got ${JSON.stringify(replacement)}`);
    let result = '';
    let last = 0;
    for (const match of this.matches(text)) {
      result += text.slice(last, match.index) + replacement;
      last = match.index + match[0].length;
    }
    return result + text.slice(last);
  }

  private *matches(text: string): Generator<RegExpExecArray> {
    let pos = 0;
    let afterEmpty = false;
    while (pos <= text.length) {
      let match: RegExpExecArray | null = null;
      if (afterEmpty) {
        // Python retries at the same position but refuses an empty match there; a
        // lookbehind on the code-point count makes the JS engine backtrack the same way.
        const minLength = codePointCount(text, pos) + 1;
        const nonEmpty = new RegExp(`(?:${this.js.source})(?<=^[\\s\\S]{${minLength},})`, this.js.flags.replace('g', 'y'));
        nonEmpty.lastIndex = pos;
        match = nonEmpty.exec(text);
        if (!match) {
          pos += codeUnitsAt(text, pos);
          if (pos > text.length) return;
        }
      }
      if (!match) {
        this.js.lastIndex = pos;
        match = this.js.exec(text);
        if (!match) return;
      }
      yield match;
      afterEmpty = match[0].length === 0;
      pos = match.index + match[0].length;
    }
  }
}

interface Translation {
  source: string;
  groups: number;
  ignoreCase: boolean;
}

interface Flags {
  ascii: boolean;
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

const PYTHON_SPACE = '\\t\\n\\v\\f\\r\\u{1c}-\\u{1f} \\u{85}\\u{a0}\\u{1680}\\u{2000}-\\u{200a}\\u{2028}\\u{2029}\\u{202f}\\u{205f}\\u{3000}';
const ASCII_SPACE = ' \\t\\n\\r\\f\\v';
const UNICODE_WORD = '\\p{L}\\p{N}_';
const ASCII_WORD = 'A-Za-z0-9_';
const ANY = '[\\s\\S]';
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

function translate(pattern: string): Translation {
  return new Translator(pattern).run();
}

class Translator {
  private readonly chars: string[];
  private pos = 0;
  private groups = 0;
  private readonly flags: Flags = { ascii: false, ignoreCase: false, multiline: false, dotAll: false };

  constructor(private readonly pattern: string) {
    this.chars = Array.from(pattern);
  }

  run(): Translation {
    this.leadingFlags();
    const source = this.alternation();
    if (this.pos < this.chars.length) throw this.error('unbalanced parenthesis');
    return { source, groups: this.groups, ignoreCase: this.flags.ignoreCase };
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
      if (!match) return;
      for (const flag of match[1] as string) {
        if (flag === 'a') this.flags.ascii = true;
        else if (flag === 'i') this.flags.ignoreCase = true;
        else if (flag === 'm') this.flags.multiline = true;
        else if (flag === 's') this.flags.dotAll = true;
        else if (flag !== 'u') throw this.error(`flag (?${flag}) is not supported`);
      }
      this.pos += match[0].length;
    }
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
    const atom = (js: string): Item => ({ js, kind: 'atom', nestedCaptures: 0 });
    const anchor = (js: string): Item => ({ js, kind: 'anchor', nestedCaptures: 0 });
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
        return atom(literal(c.codePointAt(0) as number));
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
    const atom = (js: string): Item => ({ js, kind: 'atom', nestedCaptures: 0 });
    const anchor = (js: string): Item => ({ js, kind: 'anchor', nestedCaptures: 0 });
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
        return atom(literal(this.escapedCodePoint(c)));
      }
    }
  }

  /** `\d \D \s \S \w \W` as a class body, or undefined for any other escape letter. */
  private categoryClass(c: string): { body: string; negated: boolean } | undefined {
    const ascii = this.flags.ascii;
    const lower = c.toLowerCase();
    const body = lower === 'd' ? (ascii ? '0-9' : '\\p{Nd}') : lower === 's' ? (ascii ? ASCII_SPACE : PYTHON_SPACE) : lower === 'w' ? (ascii ? ASCII_WORD : UNICODE_WORD) : undefined;
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

  private characterClass(): string {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const parts: string[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw this.error('unterminated character set');
      this.pos++;
      if (c === ']' && parts.length > 0) break;
      const first = this.classAtom(c);
      if (this.peek() === '-' && this.peek(1) !== undefined) {
        this.pos++;
        const d = this.peek() as string;
        this.pos++;
        if (d === ']') {
          parts.push(first.js, literal(45));
          break;
        }
        const second = this.classAtom(d);
        if (first.code === undefined || second.code === undefined) throw this.error('bad character range');
        if (second.code < first.code) throw this.error('bad character range');
        parts.push(`${first.js}-${second.js}`);
      } else {
        parts.push(first.js);
      }
    }
    return `[${negated ? '^' : ''}${parts.join('')}]`;
  }

  /** One member of a class: a single code point (with `code`) or a category such as `\d`. */
  private classAtom(c: string): { js: string; code?: number } {
    if (c !== '\\') {
      const code = c.codePointAt(0) as number;
      return { js: literal(code), code };
    }
    const e = this.peek();
    if (e === undefined) throw this.error('bad escape (end of pattern)');
    this.pos++;
    const set = this.categoryClass(e);
    if (set !== undefined) {
      if (set.negated) throw this.error(`\\${e} inside a character class is not supported`);
      return { js: set.body };
    }
    const code = this.escapedCodePoint(e, true);
    return { js: literal(code), code };
  }
}

/** A code point as JS regex source that means exactly that character, in or out of a class. */
function literal(code: number): string {
  const c = String.fromCodePoint(code);
  return /^[A-Za-z0-9]$/.test(c) ? c : `\\u{${code.toString(16)}}`;
}

function codePointCount(text: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i += codeUnitsAt(text, i)) count++;
  return count;
}

/** 2 at the start of a surrogate pair, else 1 (also past the end, so searches still advance). */
function codeUnitsAt(text: string, index: number): number {
  const code = text.codePointAt(index);
  return code !== undefined && code > 0xffff ? 2 : 1;
}
