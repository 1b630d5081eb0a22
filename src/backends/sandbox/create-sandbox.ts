import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { ConfigError } from '../../core/errors.js';
import type { SandboxRun } from './classify-run.js';
import type { IsolationLevel, IsolationReport } from './detect-isolation.js';
import { runProgram } from './run-program.js';
import { resolveSandboxLimits, type SandboxLimitOptions, type SandboxLimits } from './sandbox-limits.js';

/** The config flag that lets model-written code run without isolation. */
export const ALLOW_UNSAFE_FLAG = 'params.extra.allow_unsafe_code_execution';

export interface SandboxOptions extends SandboxLimitOptions {
  /** What `detectIsolation()` found at start-up. */
  isolation: IsolationReport;
  /** Programs running at once (default: the number of CPUs Node may use). */
  concurrency?: number;
  /** Run programs even at isolation level `none` (the user set `params.extra.allow_unsafe_code_execution: true`). */
  allowUnsafe?: boolean;
}

export interface Sandbox {
  readonly level: IsolationLevel;
  readonly reason: string;
  readonly isolation: IsolationReport;
  readonly limits: SandboxLimits;
  /**
   * Runs one program (see `runProgram`) once fewer than `concurrency` are running. Resolves for
   * anything the program does; rejects only when the host cannot provide a temp dir or cgroup, or
   * after `close`.
   */
  run(program: string): Promise<SandboxRun>;
  /** Waits for the programs already started or queued; `run` rejects afterwards. */
  close(): Promise<void>;
}

/**
 * A sandbox for untrusted model-written Python at the detected isolation level. Throws a
 * ConfigError naming `params.extra.allow_unsafe_code_execution` when the level is `none` and
 * `allowUnsafe` is not set, or when a limit or `concurrency` is not a positive whole number.
 */
export function createSandbox(options: SandboxOptions): Sandbox {
  const { isolation } = options;
  const limits = resolveSandboxLimits(options);
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new ConfigError('sandbox.concurrency', `expected a positive whole number, got ${String(concurrency)}`, 'leave it out to use one program per CPU');
  }
  if (isolation.level === 'none' && !options.allowUnsafe) {
    throw new ConfigError(
      ALLOW_UNSAFE_FLAG,
      `model-written code cannot be isolated here (${isolation.reason}), so it is not run`,
      `install bubblewrap (apt-get install -y bubblewrap) and run again, or set ${ALLOW_UNSAFE_FLAG}: true to run the model's code unsandboxed at your own risk`,
    );
  }
  const limit = pLimit(concurrency);
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  return {
    level: isolation.level,
    reason: isolation.reason,
    isolation,
    limits,
    run(program: string): Promise<SandboxRun> {
      if (closed) return Promise.reject(new Error('sandbox.run called after close'));
      const running = limit(() => runProgram(isolation.setup, limits, program));
      const settled = running.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(settled);
      void settled.then(() => inFlight.delete(settled));
      return running;
    },
    async close(): Promise<void> {
      closed = true;
      await Promise.all(inFlight);
    },
  };
}
