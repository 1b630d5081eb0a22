import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { textLines } from '../text-lines.js';

/** One line of samples.jsonl. */
export interface SampleRecord {
  id: string;
  index: number;
  prompt?: string;
  messages?: unknown;
  /** A multi-turn sample's user turns, asked in this order after `messages`. */
  turns?: readonly string[];
  /** A log-likelihood sample's (context, continuation) pairs, scored in this order. */
  requests?: ReadonlyArray<{ context: string; continuation: string }>;
  /**
   * The generated text (a multi-turn sample: the answer to each turn), or for a log-likelihood
   * sample each request's summed log-probability and whether the continuation was the greedy one.
   * Absent when the request failed after its retries;
   * `error` says why.
   */
  response?: string | readonly string[] | ReadonlyArray<{ logprob: number; is_greedy: boolean }>;
  extracted?: Record<string, string | null>;
  error?: { message: string; status?: number };
  target: string;
  scores: Record<string, number>;
  /** Task-specific facts about the scoring (SampleScore `details`, e.g. a code run's verdict). */
  details?: Record<string, unknown>;
  subsets?: readonly string[];
  latency_ms: number;
  finish_reason?: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
}

/**
 * samples.jsonl, appended as samples finish. Writes are coalesced: lines queue while one write is in
 * flight and go out together in the next, so a fast run does one syscall per batch, not per sample,
 * and a crash loses at most the batch being written (a truncated last line is skipped on resume).
 */
export class SampleLog {
  private pending: string[] = [];
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  private constructor(private readonly file: FileHandle) {}

  static async open(path: string): Promise<SampleLog> {
    const file = await open(path, 'a+');
    // A crash mid-write can leave a last line without its newline; start on a fresh line so the
    // next record is not glued to the fragment (which resuming skips).
    const { size } = await file.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      await file.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await file.appendFile('\n');
    }
    return new SampleLog(file);
  }

  append(record: SampleRecord): void {
    if (this.failure) throw this.failure;
    this.pending.push(`${JSON.stringify(record)}\n`);
    if (!this.writing) this.writing = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.join('');
        this.pending = [];
        await this.file.appendFile(batch);
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.writing = null;
    }
  }

  /** Resolves once everything appended so far is written. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.file.close();
    }
  }
}

/** Streams the records of an existing samples.jsonl, skipping a truncated or corrupt line. */
export async function* readSampleLog(path: string): AsyncGenerator<SampleRecord> {
  for await (const line of textLines(createReadStream(path, 'utf8'))) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as SampleRecord;
      if (typeof record.id === 'string' && typeof record.scores === 'object') yield record;
    } catch {
      // A line cut short by a crash mid-write: that sample is simply run again.
    }
  }
}
