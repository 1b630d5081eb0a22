import type { SandboxLimits } from './sandbox-limits.js';

/** The unprivileged uid and gid (`nobody`/`nogroup`) programs run as when evalforge runs as root. */
export const NOBODY_ID = 65534;

/** The descriptor bwrap writes `{"child-pid": <host pid of the program>, ...}` to. */
export const INFO_FD = 4;

/** PATH inside the sandbox (and the only variable the wrappers get: the run's keys never reach them). */
export const SANDBOX_PATH = '/usr/local/bin:/usr/bin:/bin';

/**
 * Size of the sandbox's private /tmp, which holds the program's working directory: its scratch
 * files live in memory that disappears with the sandbox, never on the host's disk.
 */
const SCRATCH_BYTES = 64 * 1024 ** 2;
const SHM_BYTES = 16 * 1024 ** 2;
const RUN_BYTES = 1024 ** 2;
/** RLIMIT_FSIZE: no single file larger than this. */
const FILE_SIZE_BYTES = 10 * 1024 ** 2;
const OPEN_FILES = 256;
/** The wall-clock backstop fires after evalforge's own kill (timeout + 1 s) should have. */
const BACKSTOP_EXTRA_SECONDS = 2;

/** The tools a sandbox command uses; a missing one is left out of the command. */
export interface SandboxTools {
  /** Moves the command into its cgroup before exec'ing the rest. */
  sh?: string;
  timeout?: string;
  /** Present only when evalforge runs as root: drops to uid/gid 65534 and every capability. */
  setpriv?: string;
  bwrap?: string;
  prlimit?: string;
}

/** Where the directory holding program.py appears to the program, and its working directory. */
export interface SandboxPaths {
  programDir: string;
  workDir: string;
}

/**
 * Inside bwrap the host directory is mounted read-only at /tmp/program and the program works in an
 * empty /tmp/work (like the reference's fresh temp dir); without bwrap both are the host directory.
 */
export function sandboxPaths(tools: SandboxTools, hostDir: string): SandboxPaths {
  return tools.bwrap ? { programDir: '/tmp/program', workDir: '/tmp/work' } : { programDir: hostDir, workDir: hostDir };
}

/**
 * The argv (argv[0] is the executable) that runs `inner` under the verified recipe, each layer
 * present only when its tool is:
 * `sh` (joins `procsFile`'s cgroup, then exec) → `timeout -s KILL` (backstop at timeout + 2 s) →
 * `setpriv` (uid/gid 65534, no groups, no inheritable capabilities) → `bwrap` (every namespace
 * unshared so there is no network, no further user namespaces, a new session, the program is pid 1
 * of its pid namespace so everything it starts dies with it and nothing is left to reap, the host
 * root read-only, private size-limited /tmp, /run and /dev/shm, /dev read-only, empty environment
 * except PATH) → `prlimit` (address space, CPU seconds, processes, file size, open files) → `inner`.
 */
export function buildSandboxCommand(
  tools: SandboxTools,
  limits: SandboxLimits,
  hostDir: string,
  inner: readonly string[],
  procsFile?: string,
): string[] {
  const argv: string[] = [];
  if (procsFile && tools.sh) argv.push(tools.sh, '-c', 'echo $$ > "$0" && exec "$@"', procsFile);
  if (tools.timeout) argv.push(tools.timeout, '-s', 'KILL', String(limits.timeoutSeconds + BACKSTOP_EXTRA_SECONDS));
  if (tools.setpriv) {
    argv.push(tools.setpriv, `--reuid=${NOBODY_ID}`, `--regid=${NOBODY_ID}`, '--clear-groups', '--inh-caps=-all', '--');
  }
  if (tools.bwrap) {
    const { programDir, workDir } = sandboxPaths(tools, hostDir);
    argv.push(
      tools.bwrap,
      '--unshare-all',
      '--unshare-user',
      '--disable-userns',
      '--die-with-parent',
      '--new-session',
      '--as-pid-1',
      '--info-fd',
      String(INFO_FD),
      '--ro-bind',
      '/',
      '/',
      '--size',
      String(SCRATCH_BYTES),
      '--tmpfs',
      '/tmp',
      '--size',
      String(RUN_BYTES),
      '--tmpfs',
      '/run',
      '--dev',
      '/dev',
      '--size',
      String(SHM_BYTES),
      '--tmpfs',
      '/dev/shm',
      '--remount-ro',
      '/dev',
      '--proc',
      '/proc',
      '--ro-bind',
      hostDir,
      programDir,
      '--dir',
      workDir,
      '--chdir',
      workDir,
      '--clearenv',
      '--setenv',
      'PATH',
      SANDBOX_PATH,
      '--',
    );
  }
  if (tools.prlimit) {
    argv.push(
      tools.prlimit,
      `--as=${limits.memoryBytes}`,
      `--cpu=${limits.cpuSeconds}`,
      `--nproc=${limits.maxProcesses}`,
      `--fsize=${FILE_SIZE_BYTES}`,
      `--nofile=${OPEN_FILES}`,
      '--',
    );
  }
  argv.push(...inner);
  return argv;
}
