import { mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';
import { redactUrl } from '../redact-url.js';

const FIELD = 'target.api_endpoint.adapter_config.interceptors (progress_tracking).config';
/** Seconds before an update that got no answer is given up. */
const SEND_TIMEOUT_MS = 10_000;

/** `$VAR` and `${VAR}` replaced from the environment; unset variables stay as written (Python's os.path.expandvars). */
function expandVars(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\$(\w+)|\$\{([^}]*)\}/g, (match, bare: string | undefined, braced: string | undefined) => env[bare ?? braced ?? ''] ?? match);
}

function readCount(path: string): number {
  try {
    const count = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(count) && count >= 0 ? count : 0;
  } catch {
    return 0;
  }
}

/**
 * Reports progress as NeMo's `progress_tracking` does: counts replies with status 200 that are not
 * cache hits, and every `progress_tracking_interval` of them (and every
 * `progress_tracking_interval_seconds` if the count changed) sends `{"samples_processed": <count>}`
 * with `request_method` to `progress_tracking_url` (`$VAR`s expanded) and/or writes the count to
 * `<output_dir>/progress`. With `output_dir` the count resumes from that file. Updates never hold
 * up a request: they go out in the background, one at a time, each carrying the latest count (so a
 * fast run may skip a milestone, never go backwards); a failed update is warned about once and
 * never fails the run (the report counts `failed_updates` and keeps the `first_failure`). The last
 * count is sent and written when the run ends; the report holds `samples_processed`. Unlike NeMo,
 * `progress_tracking_url` has no default: set it or `output_dir` (or both).
 */
export const progressTrackingInterceptor = defineInterceptor({
  name: 'progress_tracking',
  description: 'sends the number of samples processed to a URL and/or writes it to <output_dir>/progress',
  config: z.strictObject({
    progress_tracking_url: z.string().min(1).nullable().optional(),
    progress_tracking_interval: z.int().positive().default(1),
    progress_tracking_interval_seconds: z.number().positive().nullable().optional(),
    request_method: z.string().regex(/^[A-Za-z]+$/, 'must be an HTTP method such as PATCH or POST').default('PATCH'),
    output_dir: z.string().min(1).nullable().optional(),
    log_level: z.string().optional(),
  }),
  create(config) {
    const url = config.progress_tracking_url ? expandVars(config.progress_tracking_url, process.env) : undefined;
    if (url !== undefined && !URL.canParse(url)) {
      throw new ConfigError(`${FIELD}.progress_tracking_url`, `"${redactUrl(url)}" is not a URL`, 'give a full URL such as http://localhost:8000/jobs/1');
    }
    if (url === undefined && !config.output_dir) {
      throw new ConfigError(FIELD, 'sets neither progress_tracking_url nor output_dir, so progress would go nowhere', 'set progress_tracking_url, output_dir, or both');
    }
    let progressFile: string | undefined;
    if (config.output_dir) {
      mkdirSync(config.output_dir, { recursive: true });
      progressFile = join(config.output_dir, 'progress');
    }
    const method = config.request_method.toUpperCase();
    let processed = progressFile ? readCount(progressFile) : 0;
    let published = processed;
    let failedUpdates = 0;
    let firstFailure: string | undefined;
    const warnOnce = (problem: string) => {
      failedUpdates++;
      if (firstFailure !== undefined) return;
      firstFailure = problem;
      process.emitWarning(`progress_tracking: ${problem} (further failures are counted in the report, not warned about)`, { code: 'EVALFORGE_PROGRESS_TRACKING' });
    };

    async function sendUpdate(count: number): Promise<void> {
      if (url !== undefined) {
        try {
          const reply = await fetch(url, {
            method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ samples_processed: count }),
            signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
          });
          await reply.arrayBuffer();
          if (!reply.ok) warnOnce(`${method} ${redactUrl(url)} answered HTTP ${reply.status}`);
        } catch (error) {
          warnOnce(`${method} ${redactUrl(url)} failed: ${(error as Error).message}`);
        }
      }
      if (progressFile) {
        try {
          await writeFile(progressFile, String(count));
        } catch (error) {
          warnOnce(`cannot write ${progressFile}: ${(error as Error).message}`);
        }
      }
    }

    // One update in flight at a time; when it ends, a newer count goes out next.
    let updating: Promise<void> | undefined;
    let wanted = false;
    async function publishLoop(): Promise<void> {
      try {
        while (wanted) {
          wanted = false;
          const count = processed;
          await sendUpdate(count);
          published = count;
        }
      } finally {
        updating = undefined;
      }
    }
    const publish = () => {
      wanted = true;
      updating ??= publishLoop();
    };

    const timer = config.progress_tracking_interval_seconds
      ? setInterval(() => {
          if (processed !== published && !updating) publish();
        }, config.progress_tracking_interval_seconds * 1000)
      : undefined;
    timer?.unref();

    return {
      async intercept(request, next) {
        const response = await next(request);
        if (response.status === 200 && !request.context.cacheHit) {
          processed++;
          if (processed % config.progress_tracking_interval === 0) publish();
        }
        return response;
      },

      async finish() {
        clearInterval(timer);
        if (updating) await updating;
        if (processed !== published) {
          publish();
          await updating;
        }
        return { samples_processed: processed, failed_updates: failedUpdates, ...(firstFailure === undefined ? {} : { first_failure: firstFailure }) };
      },
    };
  },
});
