import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { KEY_LENGTH, RECORD_PREFIX, RECORD_VALUE, scanSegment } from './segment-scan.js';

/** Where a key's value is: a line on disk (maybe kept in memory), or a value not yet written. */
interface Location {
  segment: number;
  offset: number;
  length: number;
  /** The line itself, when kept in memory from the scan. */
  line?: Buffer;
  /** The value put but not yet written (segment, offset and length are set once it is). */
  unwritten?: string;
}

/**
 * How long a put waits for others to join its write: a busy run then writes about ten batches a
 * second, not one line per reply (each write costs ~50 µs of CPU off the event loop). A process
 * killed without warning loses at most the answers of this window and of a write in flight; a
 * resumed run asks for those again.
 */
const WRITE_DELAY_MS = 100;
/** Bytes of record lines kept in memory from the opening scan; lines beyond it are read from disk. */
const RETAINED_BYTES = 32 * 1024 * 1024;
/** Segment files kept open for reading at once; reads from further segments open and close per read. */
const MAX_OPEN_READERS = 64;
const SEGMENT_SUFFIX = '.jsonl';
/** Bytes of a record line before its value: the prefix, the key and `","value":` (all ASCII). */
const RECORD_HEAD_BYTES = RECORD_PREFIX.length + KEY_LENGTH + RECORD_VALUE.length;

/** A name no other writer picks: creation time first, so a directory listing sorts by age. */
function newSegmentName(): string {
  return `${Date.now().toString().padStart(14, '0')}-${process.pid}-${randomBytes(4).toString('hex')}${SEGMENT_SUFFIX}`;
}

async function listSegments(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith(SEGMENT_SUFFIX)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readFully(file: FileHandle, buffer: Buffer, position: number): Promise<number> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await file.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

async function writeFully(file: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesWritten } = await file.write(buffer, done, buffer.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * A directory of JSON values by 64-hex-digit key, stored as append-only segment files of lines
 * `{"key":"<key>","value":<json>}`, with an in-memory index key -> (segment, offset, length) built
 * by one sequential scan when opened. The scan reads every line anyway, so it keeps the lines in
 * memory up to a budget (32 MiB: a 10k-sample MMLU cache is ~4.5 MB) and a hit on those costs no
 * I/O (replaying a cached run is ~20% faster than with a read per hit); past the budget a value is
 * read back with one positioned read, so memory stays bounded whatever the cache's size.
 *
 * Why this shape: appends never rewrite earlier bytes, so a crash can only cut the last line short,
 * and the scan skips a line without its newline (a damaged line that still looks framed fails to
 * parse when read and counts as absent). Each writer (one per open log, so one per run) appends to
 * a segment of its own, created on its first `put`: runs in parallel processes may share a
 * directory without their lines interleaving or their offsets going stale, and no lock is needed.
 * Within a process there is a single appender: the first put of a batch waits 100 ms for others, and
 * lines that queue meanwhile or while a write is in flight go out together in one write (a busy run would
 * otherwise pay a file-system round trip per reply); a value is served from memory until its line
 * is written. A key found in two segments (two runs stored it at once) keeps the copy scanned last:
 * both hold an answer to the same request.
 */
export class KeyedLog {
  private readonly segments: string[];
  /** Every key stored or queued: one lookup answers `has`, whether the value is on disk yet or not. */
  private readonly index = new Map<string, Location>();
  /** Keys put but not yet handed to a write, in put order, with their locations to fill in. */
  private pending: Array<{ key: string; location: Location }> = [];
  private writing: Promise<void> | null = null;
  /** Cuts the current batch's wait short (close() does, so the last batch does not wait out the delay). */
  private wake: (() => void) | null = null;
  private failure: unknown = null;
  private writer: { file: FileHandle; segment: number; offset: number } | undefined;
  private readonly readers = new Map<number, Promise<FileHandle>>();

  private constructor(
    private readonly dir: string,
    existing: string[],
  ) {
    this.segments = existing;
  }

  /**
   * Opens the log in `dir` (which need not exist yet) and indexes every segment in it, keeping the
   * first `retainBytes` of record lines in memory (default 32 MiB).
   */
  static async open(dir: string, retainBytes = RETAINED_BYTES): Promise<KeyedLog> {
    const log = new KeyedLog(dir, await listSegments(dir));
    let retained = 0;
    for (let segment = 0; segment < log.segments.length; segment++) {
      await scanSegment(join(dir, log.segments[segment]!), ({ key, offset, length }, line) => {
        const keep = retained + length <= retainBytes;
        if (keep) retained += length;
        log.index.set(key, keep ? { segment, offset, length, line: Buffer.from(line) } : { segment, offset, length });
      });
    }
    return log;
  }

  /** Distinct keys stored or queued. */
  get size(): number {
    return this.index.size;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  /** The value stored under `key`; `undefined` if absent or its line is damaged. */
  async get(key: string): Promise<unknown> {
    const location = this.index.get(key);
    if (!location) return undefined;
    if (location.unwritten !== undefined) return JSON.parse(location.unwritten);
    let buffer = location.line;
    if (!buffer) {
      buffer = Buffer.allocUnsafe(location.length);
      if ((await this.readAt(location.segment, buffer, location.offset)) !== buffer.length) buffer = undefined;
    }
    let record: { key?: unknown; value?: unknown } | undefined;
    try {
      record = buffer ? (JSON.parse(buffer.toString('utf8')) as typeof record) : undefined;
    } catch {
      record = undefined;
    }
    if (record?.key !== key) {
      this.index.delete(key);
      return undefined;
    }
    return record.value;
  }

  /** Throws the error of an earlier failed write, so a full disk stops the run instead of silently not caching. */
  assertWritable(): void {
    if (this.failure) throw this.failure;
  }

  /**
   * Queues `valueJson` (a JSON text) under `key`, readable at once; a key already held keeps its
   * value. Throws the error of an earlier failed write (see `assertWritable`).
   */
  put(key: string, valueJson: string): void {
    this.assertWritable();
    if (key.length !== KEY_LENGTH) throw new Error(`cache keys are ${KEY_LENGTH} hex digits, got ${key.length} characters`);
    if (this.has(key)) return;
    const location: Location = { segment: -1, offset: 0, length: 0, unwritten: valueJson };
    this.index.set(key, location);
    this.pending.push({ key, location });
    this.writing ??= this.drain();
  }

  private async drain(): Promise<void> {
    try {
      // Let replies gather for a moment: a busy run then writes a batch per WRITE_DELAY_MS, not one per reply.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, WRITE_DELAY_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        const writer = (this.writer ??= await this.createSegment());
        // Lines as `{"key":"<key>","value":<value>}` + newline; only the value can hold non-ASCII.
        let text = '';
        for (const { key, location } of batch) text += `${RECORD_PREFIX}${key}${RECORD_VALUE}${location.unwritten}}\n`;
        await writeFully(writer.file, Buffer.from(text), writer.offset);
        for (const { location } of batch) {
          location.segment = writer.segment;
          location.offset = writer.offset;
          location.length = RECORD_HEAD_BYTES + Buffer.byteLength(location.unwritten as string) + 1;
          location.unwritten = undefined;
          writer.offset += location.length + 1;
        }
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.writing = null;
    }
  }

  private async createSegment(): Promise<{ file: FileHandle; segment: number; offset: number }> {
    await mkdir(this.dir, { recursive: true });
    const name = newSegmentName();
    const file = await open(join(this.dir, name), 'wx');
    this.segments.push(name);
    return { file, segment: this.segments.length - 1, offset: 0 };
  }

  private async readAt(segment: number, buffer: Buffer, position: number): Promise<number> {
    let reader = this.readers.get(segment);
    if (!reader && this.readers.size < MAX_OPEN_READERS) {
      reader = open(join(this.dir, this.segments[segment]!), 'r');
      this.readers.set(segment, reader);
    }
    if (reader) return readFully(await reader, buffer, position);
    const file = await open(join(this.dir, this.segments[segment]!), 'r');
    try {
      return await readFully(file, buffer, position);
    } finally {
      await file.close();
    }
  }

  /** Writes everything queued, then closes the files; throws if a write failed. */
  async close(): Promise<void> {
    this.wake?.();
    while (this.writing) await this.writing;
    const files = [this.writer?.file, ...(await Promise.allSettled(this.readers.values())).map((r) => (r.status === 'fulfilled' ? r.value : undefined))];
    this.readers.clear();
    this.writer = undefined;
    await Promise.all(files.map((file) => file?.close()));
    if (this.failure) throw this.failure;
  }
}
