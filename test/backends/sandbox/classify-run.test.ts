import { describe, expect, it } from 'vitest';
import { classifyRun } from '../../../src/backends/sandbox/classify-run.js';
import { resolveSandboxLimits } from '../../../src/backends/sandbox/sandbox-limits.js';
import type { SpawnedRun } from '../../../src/backends/sandbox/spawn-sandboxed.js';

const limits = resolveSandboxLimits({ timeoutSeconds: 3 });

function spawned(overrides: Partial<SpawnedRun>): SpawnedRun {
  return {
    report: { started: true },
    exitCode: 1,
    signal: null,
    killedAtDeadline: false,
    outputOverflow: false,
    stderrTail: '',
    durationMs: 12.4,
    ...overrides,
  };
}

describe('classifyRun', () => {
  it('takes the runner verdict when there is one', () => {
    expect(classifyRun(spawned({ report: { started: true, result: 'passed' }, exitCode: 0 }), limits)).toEqual({
      status: 'passed',
      result: 'passed',
      exitCode: 0,
      stderr: '',
      durationMs: 12,
    });
    expect(classifyRun(spawned({ report: { started: true, result: 'failed: boom' }, stderrTail: 'Traceback\n' }), limits)).toMatchObject({
      status: 'failed',
      result: 'failed: boom',
      stderr: 'Traceback',
    });
    expect(classifyRun(spawned({ report: { started: true, result: 'timed out' } }), limits)).toMatchObject({
      status: 'timeout',
      detail: 'ran past the 3 s time limit',
    });
  });

  it('keeps a verdict given before the program was stopped for its output', () => {
    const run = spawned({ report: { started: true, result: 'failed: x' }, outputOverflow: true, exitCode: 137 });
    expect(classifyRun(run, limits)).toMatchObject({ status: 'failed', result: 'failed: x', signal: 'SIGKILL' });
  });

  it('is an error when python never started', () => {
    const run = spawned({ report: { started: false }, exitCode: 1, stderrTail: 'bwrap: Creating new namespace failed: Operation not permitted\n' });
    expect(classifyRun(run, limits)).toMatchObject({
      status: 'error',
      result: 'error: python did not start in the sandbox (exit code 1): bwrap: Creating new namespace failed: Operation not permitted',
    });
    expect(classifyRun(spawned({ report: { started: false }, killedAtDeadline: true }), limits).detail).toBe('python did not start within 4 s');
    expect(classifyRun(spawned({ spawnError: new Error('spawn timeout ENOENT') }), limits)).toMatchObject({
      status: 'error',
      detail: 'could not start the sandbox command: spawn timeout ENOENT',
    });
  });

  it('records "timed out" like the reference whenever no verdict came, with its own status', () => {
    expect(classifyRun(spawned({ killedAtDeadline: true, exitCode: 137 }), limits)).toMatchObject({
      status: 'timeout',
      result: 'timed out',
      signal: 'SIGKILL',
    });
    expect(classifyRun(spawned({ outputOverflow: true, exitCode: null, signal: 'SIGKILL' }), limits)).toMatchObject({
      status: 'failed',
      result: 'timed out',
      detail: 'wrote more than 1048576 bytes to stdout/stderr, so it was killed',
    });
    expect(classifyRun(spawned({ exitCode: 137 }), limits)).toMatchObject({ status: 'timeout', result: 'timed out' });
    expect(classifyRun(spawned({ exitCode: null, signal: 'SIGKILL' }), limits).detail).toContain('4 s CPU-time limit');
    expect(classifyRun(spawned({ exitCode: 139 }), limits)).toMatchObject({
      status: 'failed',
      result: 'timed out',
      signal: 'SIGSEGV',
      detail: 'python ended (killed by SIGSEGV) before reporting a verdict',
    });
    expect(classifyRun(spawned({ exitCode: 0 }), limits)).toMatchObject({ status: 'failed', detail: 'python ended (exit code 0) before reporting a verdict' });
  });
});
