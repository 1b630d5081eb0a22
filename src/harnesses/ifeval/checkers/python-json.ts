/**
 * Whether CPython's `json.loads(text)` (default, strict decoder) accepts `text`: one JSON value
 * with optional space, tab, CR and LF around it. Python accepts what `JSON.parse` accepts, and
 * also the literals `NaN`, `Infinity` and `-Infinity`. A leading BOM is rejected, as are control
 * characters inside strings. Nesting deeper than CPython's recursion limit makes Python raise
 * `RecursionError` (a crash, not a verdict); here it is judged like any other nesting.
 */
export function isPythonJson(text: string): boolean {
  return new JsonScanner(text).document();
}

const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES = '"\\/bfnrt';
const LITERALS = ['null', 'true', 'false', 'NaN', 'Infinity', '-Infinity'];
/** `(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?` with ASCII digits, as the C scanner matches numbers. */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;

/** What the scanner expects next inside an open array or object. */
type Open = 'array' | 'object';

class JsonScanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): boolean {
    this.skipSpace();
    if (!this.value()) return false;
    this.skipSpace();
    return this.pos === this.text.length;
  }

  /** One value; containers are walked with an explicit stack so deep nesting cannot overflow. */
  private value(): boolean {
    const open: Open[] = [];
    for (;;) {
      const ch = this.text.charAt(this.pos);
      if (ch === '[' || ch === '{') {
        this.pos++;
        this.skipSpace();
        const close = ch === '[' ? ']' : '}';
        if (this.text.charAt(this.pos) === close) {
          this.pos++;
        } else {
          open.push(ch === '[' ? 'array' : 'object');
          if (ch === '{' && !this.memberName()) return false;
          continue;
        }
      } else if (!this.scalar()) {
        return false;
      }
      // A value is complete: close containers or move to their next element.
      for (;;) {
        const container = open.at(-1);
        if (container === undefined) return true;
        this.skipSpace();
        const next = this.text.charAt(this.pos++);
        if (next === ',') {
          this.skipSpace();
          if (container === 'object' && !this.memberName()) return false;
          break;
        }
        if (next !== (container === 'array' ? ']' : '}')) return false;
        open.pop();
      }
    }
  }

  /** `"name"` then `:` and the space before the member's value. */
  private memberName(): boolean {
    if (!this.string()) return false;
    this.skipSpace();
    if (this.text.charAt(this.pos) !== ':') return false;
    this.pos++;
    this.skipSpace();
    return true;
  }

  private scalar(): boolean {
    if (this.text.charAt(this.pos) === '"') return this.string();
    const literal = LITERALS.find((word) => this.text.startsWith(word, this.pos));
    if (literal !== undefined) {
      this.pos += literal.length;
      return true;
    }
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text)) return false;
    this.pos = NUMBER.lastIndex;
    return true;
  }

  private string(): boolean {
    if (this.text.charAt(this.pos) !== '"') return false;
    this.pos++;
    for (;;) {
      if (this.pos >= this.text.length) return false;
      const code = this.text.charCodeAt(this.pos++);
      if (code === 0x22) return true;
      if (code < 0x20) return false;
      if (code !== 0x5c) continue;
      const escape = this.text.charAt(this.pos++);
      if (escape === 'u') {
        if (!HEX4.test(this.text.slice(this.pos, this.pos + 4))) return false;
        this.pos += 4;
      } else if (escape === '' || !SIMPLE_ESCAPES.includes(escape)) {
        return false;
      }
    }
  }

  private skipSpace(): void {
    for (;;) {
      const ch = this.text.charAt(this.pos);
      if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return;
      this.pos++;
    }
  }
}

