import { DatasetError } from '../errors.js';
import { openByteStream } from './open-byte-stream.js';
import type { RawRow } from './raw-row.js';

/**
 * Streams a file holding one top-level JSON array of objects, parsing one element at a time so
 * memory stays bounded by the largest element rather than the file. Anything other than an array
 * of objects (with only whitespace around it) is a DatasetError naming the file and row. The file
 * is closed when the consumer stops iterating. `content`, when given, is the file's bytes already
 * in memory (then `path` only names it).
 */
export async function* readJsonArray(path: string, content?: Uint8Array): AsyncGenerator<RawRow> {
  const bytes = openByteStream(path, content);
  bytes.stream.setEncoding('utf8');
  const splitter = new ArrayElementSplitter(path);
  let rowNumber = 0;
  try {
    for await (const chunk of bytes.stream) {
      for (const element of splitter.push(chunk as string)) {
        rowNumber += 1;
        yield { row: parseObject(element, path, rowNumber), rowNumber };
      }
    }
    splitter.end();
  } finally {
    await bytes.close();
  }
}

/**
 * Cuts the text of a top-level JSON array into the texts of its elements by tracking nesting depth
 * and string literals; each element is then checked by JSON.parse.
 */
class ArrayElementSplitter {
  private state: 'before' | 'inside' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private element: string[] = [];
  private sawElement = false;

  constructor(private readonly path: string) {}

  push(chunk: string): string[] {
    const done: string[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.state !== 'inside') {
        if (c === '\uFEFF' || /\s/.test(c)) continue;
        if (this.state === 'before' && c === '[') {
          this.state = 'inside';
          start = i + 1;
          continue;
        }
        throw this.structureError(this.state === 'before' ? `starts with "${c}"` : `has "${c}" after the closing "]"`);
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth += 1;
      else if ((c === '}' || c === ']') && this.depth > 0) this.depth -= 1;
      else if (this.depth === 0 && (c === ',' || c === ']')) {
        this.element.push(chunk.slice(start, i));
        const text = this.element.join('');
        this.element = [];
        start = i + 1;
        // `[]` and the last element's trailing whitespace leave an empty text at the closing bracket.
        if (c === ',' || text.trim() !== '' || this.sawElement) done.push(text);
        this.sawElement = true;
        if (c === ']') this.state = 'after';
      }
    }
    if (this.state === 'inside') this.element.push(chunk.slice(start));
    return done;
  }

  end(): void {
    if (this.state !== 'after') throw this.structureError(this.state === 'before' ? 'is empty' : 'ends before the closing "]"');
  }

  private structureError(problem: string): DatasetError {
    return new DatasetError(
      `${this.path}: expected one top-level JSON array of objects, but the file ${problem}`,
      this.path,
      undefined,
      'use format "jsonl" for one object per line, or re-download the file',
    );
  }
}

function parseObject(text: string, path: string, rowNumber: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`${path}, row ${rowNumber}: not valid JSON (${(error as Error).message})`, path, rowNumber);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DatasetError(`${path}, row ${rowNumber}: expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`, path, rowNumber);
  }
  return value as Record<string, unknown>;
}
