import { constants } from 'node:os';
import type { SandboxLimits } from './sandbox-limits.js';
import type { SpawnedRun } from './spawn-sandboxed.js';

export type SandboxStatus = 'passed' | 'failed' | 'timeout' | 'error';

/** The outcome of one program. */
export interface SandboxRun {
  /**
   * `passed`: the program ran to the end without raising. `failed`: it raised (AssertionError,
   * SyntaxError, SystemExit, MemoryError, ...), or ended without a verdict (os._exit, a crash), or
   * flooded stdout/stderr. `timeout`: it hit the time limit, the kill one second later, or the CPU
   * limit. `error`: the sandbox itself failed for this program (`detail` says why); not the
   * program's fault, and not a pass.
   */
  status: SandboxStatus;
  /**
   * The reference's result string: `passed`, `timed out` or `failed: <str(e)>` (the message cut at
   * 4,096 characters). Like the reference it is `timed out` whenever the program ended without a
   * verdict. For `error` it is `error: <detail>`.
   */
  result: string;
  /**
   * The sandbox command's exit code: python's own, or 128 + N when bwrap saw it killed by signal N
   * (137 for SIGKILL). null when the command itself was killed by a signal.
   */
  exitCode: number | null;
  /** The signal that ended the program, from `signal` or from a 128 + N exit code. */
  signal?: string;
  /** The last 4 KB of stderr (the traceback of a failure ends up here; the program's own prints do not). */
  stderr: string;
  durationMs: number;
  /** Why, when the status alone does not say: which limit stopped the program, what broke in the sandbox. */
  detail?: string;
}

const SIGNAL_NAMES = new Map(Object.entries(constants.signals).map(([name, number]) => [number, name]));
const SIGNAL_EXIT_BASE = 128;

/**
 * Judges a finished run. The runner's verdict decides whenever it reported one (it is written
 * before anything can go wrong afterwards). Without one: python never started → `error`; killed at
 * the deadline → `timeout`; stopped for flooding stdout/stderr → `failed`; killed by SIGKILL or
 * SIGXCPU otherwise (the CPU limit, the backstop `timeout`, the OOM killer) → `timeout`; any other
 * end → `failed`.
 */
export function classifyRun(run: SpawnedRun, limits: SandboxLimits): SandboxRun {
  const signal = run.signal ?? signalFromExitCode(run.exitCode);
  const base = {
    exitCode: run.exitCode,
    ...(signal ? { signal } : {}),
    stderr: run.stderrTail.trim(),
    durationMs: Math.round(run.durationMs),
  };
  if (run.spawnError) {
    return errorRun(base, `could not start the sandbox command: ${run.spawnError.message}`);
  }
  const verdict = run.report.result;
  if (verdict !== undefined) {
    if (verdict === 'passed') return { ...base, status: 'passed', result: verdict };
    if (verdict === 'timed out') {
      return { ...base, status: 'timeout', result: verdict, detail: `ran past the ${limits.timeoutSeconds} s time limit` };
    }
    return { ...base, status: 'failed', result: verdict };
  }
  if (!run.report.started) {
    const why = run.killedAtDeadline
      ? `python did not start within ${limits.timeoutSeconds + 1} s`
      : `python did not start in the sandbox (${describeEnd(run.exitCode, signal)}): ${lastLine(run.stderrTail) || 'no message'}`;
    return errorRun(base, why);
  }
  const noVerdict = { ...base, result: 'timed out' };
  if (run.killedAtDeadline) {
    return {
      ...noVerdict,
      status: 'timeout',
      detail: `still running ${limits.timeoutSeconds + 1} s after the start (it swallowed the time limit's exception or was stuck outside Python code), so it was killed`,
    };
  }
  if (run.outputOverflow) {
    return { ...noVerdict, status: 'failed', detail: `wrote more than ${limits.maxOutputBytes} bytes to stdout/stderr, so it was killed` };
  }
  if (signal === 'SIGKILL' || signal === 'SIGXCPU') {
    return {
      ...noVerdict,
      status: 'timeout',
      detail: `killed by ${signal} before the deadline: the ${limits.cpuSeconds} s CPU-time limit (all threads together), or the kernel's out-of-memory killer`,
    };
  }
  return { ...noVerdict, status: 'failed', detail: `python ended (${describeEnd(run.exitCode, signal)}) before reporting a verdict` };
}

function errorRun(base: Omit<SandboxRun, 'status' | 'result'>, detail: string): SandboxRun {
  return { ...base, status: 'error', result: `error: ${detail}`, detail };
}

function signalFromExitCode(exitCode: number | null): string | undefined {
  if (exitCode === null || exitCode <= SIGNAL_EXIT_BASE) return undefined;
  return SIGNAL_NAMES.get(exitCode - SIGNAL_EXIT_BASE);
}

function describeEnd(exitCode: number | null, signal: string | undefined): string {
  return signal ? `killed by ${signal}` : `exit code ${String(exitCode)}`;
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.trim() ?? '';
}
