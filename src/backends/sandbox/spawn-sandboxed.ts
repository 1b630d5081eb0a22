import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { RECORD_FD } from './python-runner.js';
import { INFO_FD, SANDBOX_PATH } from './sandbox-command.js';

/** How much of stderr a run keeps: the end, where a traceback's last line is. */
const STDERR_TAIL_BYTES = 4096;
/** The runner's records are a few KB; a program flooding their descriptor is stopped here. */
const RECORD_BYTES_LIMIT = 256 * 1024;
const INFO_BYTES_LIMIT = 4096;
/** After the command exits, how long descendants without bwrap's pid namespace may keep its pipes open. */
const PIPE_GRACE_MS = 500;

export interface SpawnOptions {
  cwd: string;
  /** Milliseconds after the spawn at which the program is killed. */
  deadlineMs: number;
  /** Bytes on stdout and stderr together after which the program is killed. */
  maxOutputBytes: number;
  /**
   * Kill the command's whole process group once it has exited: needed without bwrap, where nothing
   * else takes down what the program started.
   */
  killGroupAfterExit: boolean;
}

/** What the runner reported on its record descriptor. */
export interface RunnerReport {
  started: boolean;
  /** The reference's result string, when the runner got that far. */
  result?: string;
}

/** What happened, before it is judged. */
export interface SpawnedRun {
  /** Set when the command could not be started at all. */
  spawnError?: Error;
  report: RunnerReport;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  killedAtDeadline: boolean;
  outputOverflow: boolean;
  stderrTail: string;
  durationMs: number;
}

/**
 * Runs `argv` (argv[0] the executable) in a new session with only PATH in its environment, stdin
 * from /dev/null, pipes on stdout, stderr, the runner's record descriptor (3) and bwrap's info
 * descriptor (4). At the deadline, or once stdout and stderr together exceed the output limit, it
 * SIGKILLs the program: the pid bwrap reported (so bwrap itself stays to reap it), else the whole
 * process group. Resolves once the command has exited and its pipes are closed; never rejects.
 */
export function spawnSandboxed(argv: readonly string[], options: SpawnOptions): Promise<SpawnedRun> {
  const [file, ...args] = argv;
  if (!file) throw new Error('spawnSandboxed needs a command');
  return new Promise((resolve) => {
    const started = performance.now();
    const outcome: SpawnedRun = {
      report: { started: false },
      exitCode: null,
      signal: null,
      killedAtDeadline: false,
      outputOverflow: false,
      stderrTail: '',
      durationMs: 0,
    };
    let programPid: number | undefined;
    let outputBytes = 0;
    let stderrTail = Buffer.alloc(0);
    let recordText = '';
    let infoText = '';
    let exited = false;

    const child = spawn(file, args, {
      cwd: options.cwd,
      detached: true,
      env: { PATH: SANDBOX_PATH },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
    });
    const stream = (fd: number): Readable => child.stdio[fd] as Readable;

    const killProgram = (): void => {
      if (exited) return;
      if (programPid !== undefined) killQuietly(programPid);
      else if (child.pid !== undefined) killQuietly(-child.pid);
    };
    const onOutput = (chunk: Buffer): void => {
      outputBytes += chunk.length;
      if (outputBytes > options.maxOutputBytes && !outcome.outputOverflow) {
        outcome.outputOverflow = true;
        killProgram();
      }
    };
    stream(1).on('data', onOutput);
    stream(2).on('data', (chunk: Buffer) => {
      onOutput(chunk);
      stderrTail = Buffer.concat([stderrTail, chunk]);
      if (stderrTail.length > STDERR_TAIL_BYTES) stderrTail = stderrTail.subarray(stderrTail.length - STDERR_TAIL_BYTES);
    });
    stream(RECORD_FD).on('data', (chunk: Buffer) => {
      if (recordText.length + chunk.length > RECORD_BYTES_LIMIT) {
        outcome.outputOverflow = true;
        killProgram();
        return;
      }
      recordText += chunk.toString('utf8');
    });
    stream(INFO_FD).on('data', (chunk: Buffer) => {
      if (programPid !== undefined || infoText.length > INFO_BYTES_LIMIT) return;
      infoText += chunk.toString('utf8');
      programPid = childPidFromInfo(infoText);
    });

    const deadline = setTimeout(() => {
      if (exited) return;
      outcome.killedAtDeadline = true;
      killProgram();
    }, options.deadlineMs);

    let graceTimer: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearTimeout(graceTimer);
      for (const fd of [1, 2, RECORD_FD, INFO_FD]) stream(fd).destroy();
      outcome.report = parseReport(recordText);
      outcome.stderrTail = stderrTail.toString('utf8');
      resolve(outcome);
    };

    child.on('error', (error) => {
      outcome.spawnError = error;
      exited = true;
      finish();
    });
    child.on('exit', (code, signal) => {
      exited = true;
      outcome.durationMs = performance.now() - started;
      outcome.exitCode = code;
      outcome.signal = signal;
      if (options.killGroupAfterExit && child.pid !== undefined) killQuietly(-child.pid);
      graceTimer = setTimeout(finish, PIPE_GRACE_MS);
    });
    child.on('close', finish);
  });
}

/** bwrap's info JSON, once complete: `{"child-pid": N, ...}`. */
function childPidFromInfo(text: string): number | undefined {
  try {
    const pid = (JSON.parse(text) as { 'child-pid'?: unknown })['child-pid'];
    return typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The runner's records (`started`, `result <hex>`); lines it did not write (a program can write to
 * the descriptor too) are ignored, and the last result wins.
 */
function parseReport(text: string): RunnerReport {
  const report: RunnerReport = { started: false };
  for (const line of text.split('\n')) {
    if (line === 'started') report.started = true;
    const hex = /^result ((?:[0-9a-f]{2})*)$/.exec(line)?.[1];
    if (hex !== undefined) report.result = Buffer.from(hex, 'hex').toString('utf8');
  }
  return report;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
