import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyRun, type SandboxRun } from './classify-run.js';
import { createRunCgroup, type PidsCgroupParent } from './pids-cgroup.js';
import { PYTHON_RUNNER_SOURCE } from './python-runner.js';
import { buildSandboxCommand, sandboxPaths, type SandboxTools } from './sandbox-command.js';
import type { SandboxLimits } from './sandbox-limits.js';
import { spawnSandboxed } from './spawn-sandboxed.js';

/** What a program runs with, as detection found it. */
export interface SandboxSetup {
  tools: SandboxTools;
  /** The interpreter, at a path the sandbox user can execute. */
  pythonPath: string;
  /** Owner of the program's directory: the user programs run as (65534 under setpriv). */
  uid: number;
  gid: number;
  pidsCgroup?: PidsCgroupParent;
}

const PROGRAM_FILE = 'program.py';
/** Besides the program's own processes the group holds `timeout` and bwrap's monitor; room to spare. */
const WRAPPER_PIDS = 4;

/**
 * Runs one program: writes it to a fresh directory under the system temp dir owned by the sandbox
 * user, gives it its own pids cgroup when there is one, runs the runner (reference semantics, see
 * `PYTHON_RUNNER_SOURCE`) on it under the sandbox command with the kill at `timeoutSeconds + 1`,
 * judges the outcome, and always removes the directory and the cgroup. Resolves for anything the
 * program does; rejects only when the host cannot provide the directory or the cgroup.
 */
export async function runProgram(setup: SandboxSetup, limits: SandboxLimits, program: string): Promise<SandboxRun> {
  const hostDir = await mkdtemp(join(tmpdir(), 'evalforge-sandbox-'));
  try {
    const programFile = join(hostDir, PROGRAM_FILE);
    await writeFile(programFile, program, { mode: 0o600 });
    if (setup.uid !== process.getuid?.()) {
      await chown(programFile, setup.uid, setup.gid);
      await chown(hostDir, setup.uid, setup.gid);
    }
    const cgroup = setup.pidsCgroup ? await createRunCgroup(setup.pidsCgroup, limits.maxProcesses + WRAPPER_PIDS) : undefined;
    try {
      const { programDir } = sandboxPaths(setup.tools, hostDir);
      const inner = [setup.pythonPath, '-I', '-c', PYTHON_RUNNER_SOURCE, `${programDir}/${PROGRAM_FILE}`, String(limits.timeoutSeconds)];
      const argv = buildSandboxCommand(setup.tools, limits, hostDir, inner, cgroup?.procsFile);
      const spawned = await spawnSandboxed(argv, {
        cwd: hostDir,
        deadlineMs: (limits.timeoutSeconds + 1) * 1000,
        maxOutputBytes: limits.maxOutputBytes,
        killGroupAfterExit: !setup.tools.bwrap,
      });
      return classifyRun(spawned, limits);
    } finally {
      await cgroup?.remove();
    }
  } finally {
    await rm(hostDir, { recursive: true, force: true });
  }
}
