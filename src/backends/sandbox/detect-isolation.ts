import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EvalforgeError } from '../../core/errors.js';
import { findExecutable } from './find-executable.js';
import { findPidsCgroup, type PidsCgroupParent } from './pids-cgroup.js';
import { runProgram, type SandboxSetup } from './run-program.js';
import { buildSandboxCommand, NOBODY_ID, type SandboxTools } from './sandbox-command.js';
import { resolveSandboxLimits } from './sandbox-limits.js';
import { spawnSandboxed } from './spawn-sandboxed.js';

/**
 * `full`: the whole recipe (bwrap as uid 65534 without capabilities, prlimit limits, the backstop
 * `timeout`, a pids cgroup). `degraded`: bwrap isolates file system, network and processes but
 * something else is missing (the reason says what that costs). `none`: no usable bwrap, so programs
 * would run with at most resource limits; a sandbox refuses that without an explicit opt-in.
 */
export type IsolationLevel = 'full' | 'degraded' | 'none';

export interface DetectOptions {
  /** The interpreter to run programs with, instead of searching for python3. */
  python?: string;
}

export interface IsolationReport {
  level: IsolationLevel;
  /** What isolates programs, or what is missing and what that means; for the run's log and results. */
  reason: string;
  python: { path: string; version: string };
  /** How programs are run (for `createSandbox`). */
  setup: SandboxSetup;
}

const execFileAsync = promisify(execFile);
const PROBE_TIMEOUT_MS = 10_000;
const PYTHON_IDENTITY = 'import sys; print(sys.executable); print(sys.version.split()[0])';
/** Interpreters tried after the one on PATH, which may sit where the sandbox user cannot reach (pyenv under /root). */
const SYSTEM_PYTHONS = ['/usr/bin/python3', '/usr/local/bin/python3'];
const INSTALL_BWRAP = 'install bubblewrap (apt-get install -y bubblewrap)';

/**
 * Probes, once at start-up, what this host offers: python3 (a missing or unusable one is an
 * EvalforgeError naming it and the fix), bwrap (by running a program in it, as uid 65534 via setpriv
 * when evalforge is root: plain bwrap as root can be escaped), prlimit, timeout, and a writable pids
 * cgroup (see `findPidsCgroup`). The chosen python is `options.python` when given, else the first of
 * PATH's python3, /usr/bin/python3 and /usr/local/bin/python3 that passes a program inside the
 * sandbox.
 */
export async function detectIsolation(options: DetectOptions = {}): Promise<IsolationReport> {
  const uid = process.getuid?.() ?? NOBODY_ID;
  const gid = process.getgid?.() ?? NOBODY_ID;
  const isRoot = uid === 0;
  const pythons = await findHostPythons(options.python ? [options.python] : [findExecutable('python3'), ...SYSTEM_PYTHONS]);
  const setpriv = isRoot ? findExecutable('setpriv') : undefined;
  const bwrap = findExecutable('bwrap');
  const tools: SandboxTools = {
    sh: findExecutable('sh'),
    timeout: findExecutable('timeout'),
    ...(setpriv ? { setpriv } : {}),
    prlimit: findExecutable('prlimit'),
  };
  const runAs = setpriv ? { uid: NOBODY_ID, gid: NOBODY_ID } : { uid, gid };
  const cgroupProbe = await findPidsCgroup();
  const pidsCgroup: PidsCgroupParent | undefined = 'parent' in cgroupProbe && tools.sh ? cgroupProbe.parent : undefined;
  const cgroupProblem = 'problem' in cgroupProbe ? cgroupProbe.problem : tools.sh ? undefined : 'sh not found';

  const base = { ...runAs, ...(pidsCgroup ? { pidsCgroup } : {}) };
  if (!bwrap) return unisolated(await firstWorkingPython(pythons, { ...base, tools }), `bwrap not found (${INSTALL_BWRAP})`, runAs.uid);
  if (isRoot && !setpriv) {
    const why = 'setpriv not found, and bwrap run as root can be escaped (apt-get install -y util-linux)';
    return unisolated(await firstWorkingPython(pythons, { ...base, tools }), why, runAs.uid);
  }

  const inBwrap = await firstWorkingPython(pythons, { ...base, tools: { ...tools, bwrap } });
  if ('setup' in inBwrap) return sandboxed(inBwrap, { isRoot, uid, cgroupProblem });
  const bwrapProblem = await bwrapFailure({ ...tools, bwrap });
  if (bwrapProblem) {
    return unisolated(await firstWorkingPython(pythons, { ...base, tools }), `bwrap cannot create a sandbox here: ${bwrapProblem}`, runAs.uid);
  }
  throw pythonUnusable(runAs.uid, inBwrap.failures);
}

interface HostPython {
  path: string;
  version: string;
}

type PythonChoice = { python: HostPython; setup: SandboxSetup } | { failures: string[] };

/** The first interpreter that passes a trivial program run the way `base` runs programs. */
async function firstWorkingPython(pythons: readonly HostPython[], base: Omit<SandboxSetup, 'pythonPath'>): Promise<PythonChoice> {
  const failures: string[] = [];
  for (const python of pythons) {
    const setup: SandboxSetup = { ...base, pythonPath: python.path };
    const probe = await runProgram(setup, resolveSandboxLimits({ timeoutSeconds: PROBE_TIMEOUT_MS / 1000 }), 'pass');
    if (probe.status === 'passed') return { python, setup };
    failures.push(`${python.path}: ${probe.detail ?? probe.result}`);
  }
  return { failures };
}

function pythonUnusable(uid: number, failures: readonly string[]): EvalforgeError {
  return new EvalforgeError(
    `python3 cannot run the model-written programs as uid ${uid}: ${failures.join('; ')}`,
    'install python3 system-wide (apt-get install -y python3) so /usr/bin/python3 exists and anyone can run it',
  );
}

/** The distinct interpreters (by `sys.executable`) among `candidates` that run here. */
async function findHostPythons(candidates: ReadonlyArray<string | undefined>): Promise<HostPython[]> {
  const found: HostPython[] = [];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    try {
      const { stdout } = await execFileAsync(candidate, ['-I', '-c', PYTHON_IDENTITY], { timeout: PROBE_TIMEOUT_MS });
      const [path, version] = stdout.trim().split('\n');
      if (path && version && !found.some((python) => python.path === path)) found.push({ path, version });
    } catch {
      // Not there, or not runnable: the next candidate.
    }
  }
  if (found.length === 0) {
    const tried = candidates.filter((candidate) => candidate !== undefined).join(', ');
    throw new EvalforgeError(
      `python3 not found (tried ${tried}): HumanEval and MBPP run the model-written programs with python3`,
      'install python3 (apt-get install -y python3) or put a python3 on PATH',
    );
  }
  return found;
}

/** Why bwrap cannot run even `true`, or undefined when it can. */
async function bwrapFailure(tools: SandboxTools): Promise<string | undefined> {
  const truePath = findExecutable('true');
  if (!truePath) return 'true(1) not found to test it';
  const dir = await mkdtemp(join(tmpdir(), 'evalforge-sandbox-probe-'));
  try {
    const argv = buildSandboxCommand(tools, resolveSandboxLimits({}), dir, [truePath]);
    const run = await spawnSandboxed(argv, { cwd: dir, deadlineMs: PROBE_TIMEOUT_MS, maxOutputBytes: 65536, killGroupAfterExit: true });
    if (run.spawnError) return run.spawnError.message;
    if (run.exitCode === 0) return undefined;
    return run.stderrTail.trim().split('\n').at(-1) || `exit code ${String(run.exitCode)}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function sandboxed(
  { python, setup }: { python: HostPython; setup: SandboxSetup },
  host: { isRoot: boolean; uid: number; cgroupProblem: string | undefined },
): IsolationReport {
  const { tools } = setup;
  const shortfalls: string[] = [];
  if (!host.isRoot) {
    shortfalls.push(`evalforge is not root, so programs run as its own uid ${host.uid} instead of ${NOBODY_ID} and can read what that user can`);
  }
  if (!tools.prlimit) shortfalls.push('prlimit not found: no memory, CPU-time, process, file-size or open-file limits (apt-get install -y util-linux)');
  if (!tools.timeout) shortfalls.push("timeout not found: the wall-clock limit rests on evalforge's own timer alone (apt-get install -y coreutils)");
  if (!setup.pidsCgroup) {
    shortfalls.push(`no writable pids cgroup (${host.cgroupProblem ?? 'unknown'}): processes are limited by prlimit --nproc only`);
  }
  const pythonInfo = { path: python.path, version: python.version };
  if (shortfalls.length > 0) return { level: 'degraded', reason: shortfalls.join('; '), python: pythonInfo, setup };
  const cgroup = setup.pidsCgroup ? `pids cgroup v${setup.pidsCgroup.version} under ${setup.pidsCgroup.dir}` : '';
  return {
    level: 'full',
    reason: `bwrap as uid ${NOBODY_ID} without capabilities (no network, read-only root, private /tmp), prlimit limits, ${cgroup}`,
    python: pythonInfo,
    setup,
  };
}

function unisolated(choice: PythonChoice, why: string, uid: number): IsolationReport {
  if (!('setup' in choice)) throw pythonUnusable(uid, choice.failures);
  return {
    level: 'none',
    reason: `${why}: programs would run without file-system, network or process isolation`,
    python: { path: choice.python.path, version: choice.python.version },
    setup: choice.setup,
  };
}
