import { join } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import type { PipelineEnvironment } from '../pipeline/interceptor-definition.js';
import { createJsonlAppender } from './jsonl-appender.js';
import { createRedactor, type Redactor } from './redactor.js';

/**
 * A field whose value is a JSON text already (a reply body as received): written into the line as
 * is, after the record's other fields, instead of being parsed and serialized again. The text must
 * be valid JSON without line breaks.
 */
export interface JsonField {
  name: string;
  json: string;
}

/** One JSON-lines log under `<output_dir>/logs/`, redacted, written off the request path. */
export interface RunLog {
  /** Hides credential headers; use on headers before passing them to `write`. */
  readonly redactor: Redactor;
  /**
   * Queues `{time, ...record}` as one line with every secret of the run replaced by `[REDACTED]`.
   * `time` is now; the line is built when its batch is written (up to ~100 ms later), so `record`
   * and what it holds must not change afterwards (pass copies or values nobody mutates).
   * `jsonField`, when given, ends the line (see JsonField).
   */
  write(record: Record<string, unknown>, jsonField?: JsonField): void;
  /** Flushes and closes the file; returns the report section `{file, logged[, write_error]}`. */
  finish(): Promise<Record<string, unknown>>;
}

/**
 * Opens `<output_dir>/logs/<fileName>` for appending (a resumed run adds to it). `owner` names the
 * config entry that asked for the log, for the error when the run has no output dir.
 */
export function openRunLog(env: PipelineEnvironment, fileName: string, owner: string): RunLog {
  if (env.outputDir === undefined) {
    throw new ConfigError(owner, `writes logs/${fileName} under the output dir, but this run has none`, 'set config.output_dir (or pass outputDir to createModelClient)');
  }
  const file = `logs/${fileName}`;
  const redactor = createRedactor(env.secrets);
  // Serialized when its batch is written (see createJsonlAppender), off the request path.
  // Lines of a batch mostly share their millisecond: format each distinct time once.
  let lastAt = Number.NaN;
  let lastTime = '';
  const timeOf = (at: number): string => {
    if (at !== lastAt) {
      lastAt = at;
      lastTime = new Date(at).toISOString();
    }
    return lastTime;
  };
  const appender = createJsonlAppender(join(env.outputDir, 'logs', fileName), {
    toLine: ({ at, record, jsonField }: { at: number; record: Record<string, unknown>; jsonField?: JsonField }) => {
      const head = { time: timeOf(at), ...record };
      if (!jsonField) return redactor.line(head);
      const fields = JSON.stringify(head);
      return `${redactor.text(`${fields.slice(0, -1)},${JSON.stringify(jsonField.name)}:${jsonField.json}}`)}\n`;
    },
  });
  let logged = 0;
  return {
    redactor,
    write(record, jsonField) {
      logged++;
      appender.append(jsonField ? { at: Date.now(), record, jsonField } : { at: Date.now(), record });
    },
    async finish() {
      try {
        await appender.close();
        return { file, logged };
      } catch (error) {
        return { file, logged, write_error: JSON.parse(redactor.line((error as Error).message)) as string };
      }
    },
  };
}
