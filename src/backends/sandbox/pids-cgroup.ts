import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A cgroup directory under which evalforge can create groups that have `pids.max`. */
export interface PidsCgroupParent {
  /** 2 for the unified hierarchy, 1 for a cgroup v1 `pids` hierarchy (hybrid hosts). */
  version: 1 | 2;
  dir: string;
}

/** Either a usable parent, or why there is none (one sentence, for the isolation reason). */
export type PidsCgroupProbe = { parent: PidsCgroupParent } | { problem: string };

/** A program's own cgroup; `remove` kills whatever is still in it and deletes it. */
export interface RunCgroup {
  /** Writing a pid here moves that process (and its future children) into the group. */
  procsFile: string;
  remove(): Promise<void>;
}

interface CgroupMount {
  root: string;
  mountPoint: string;
  fsType: string;
  superOptions: string[];
}

let runCounter = 0;

/**
 * Finds the pids cgroup this process may create children in, without changing any existing group:
 * the process's own cgroup v2 group when its `cgroup.subtree_control` already enables `pids`, else
 * its group in a cgroup v1 `pids` hierarchy. Creating and removing a probe group (with `pids.max`
 * written) proves it writable.
 */
export async function findPidsCgroup(): Promise<PidsCgroupProbe> {
  let mountInfo: string;
  let membership: string;
  try {
    [mountInfo, membership] = await Promise.all([
      readFile('/proc/self/mountinfo', 'utf8'),
      readFile('/proc/self/cgroup', 'utf8'),
    ]);
  } catch (error) {
    return { problem: `cannot read /proc/self/mountinfo or /proc/self/cgroup (${errorCode(error)})` };
  }
  const mounts = parseMountInfo(mountInfo);
  const memberships = membership.split('\n').filter(Boolean).map((line) => line.split(':'));
  const problems: string[] = [];

  const unified = mounts.find((mount) => mount.fsType === 'cgroup2');
  const unifiedPath = memberships.find(([id]) => id === '0')?.slice(2).join(':');
  if (unified && unifiedPath !== undefined) {
    const dir = groupDir(unified, unifiedPath);
    const delegated = await readFile(join(dir, 'cgroup.subtree_control'), 'utf8').catch(() => '');
    if (delegated.split(/\s+/).includes('pids')) {
      const problem = await probeWritable(dir);
      if (!problem) return { parent: { version: 2, dir } };
      problems.push(problem);
    } else {
      problems.push(`cgroup v2 group ${dir} does not enable the pids controller for its children`);
    }
  }

  const legacy = mounts.find((mount) => mount.fsType === 'cgroup' && mount.superOptions.includes('pids'));
  const legacyPath = memberships.find(([, controllers]) => controllers?.split(',').includes('pids'))?.slice(2).join(':');
  if (legacy && legacyPath !== undefined) {
    const dir = groupDir(legacy, legacyPath);
    const problem = await probeWritable(dir);
    if (!problem) return { parent: { version: 1, dir } };
    problems.push(problem);
  }

  if (problems.length === 0) problems.push('no cgroup hierarchy with the pids controller is mounted');
  return { problem: problems.join('; ') };
}

/**
 * Creates a fresh group under `parent` with `pids.max` = `maxPids` (processes and threads,
 * counted over everything moved into it and its descendants).
 */
export async function createRunCgroup(parent: PidsCgroupParent, maxPids: number): Promise<RunCgroup> {
  runCounter += 1;
  const dir = join(parent.dir, `evalforge-sandbox-${process.pid}-${runCounter}`);
  await mkdir(dir);
  try {
    await writeFile(join(dir, 'pids.max'), String(maxPids));
  } catch (error) {
    await rmdir(dir).catch(() => undefined);
    throw error;
  }
  return { procsFile: join(dir, 'cgroup.procs'), remove: () => removeGroup(dir) };
}

/** Kills what is left in the group, waits until it is empty and removes it; throws if it cannot within 5 s. */
async function removeGroup(dir: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const pids = await readFile(join(dir, 'cgroup.procs'), 'utf8').then(
      (text) => text.split('\n').filter(Boolean).map(Number),
      (error: unknown) => {
        if (errorCode(error) === 'ENOENT') return undefined;
        throw error;
      },
    );
    if (pids === undefined) return;
    for (const pid of pids) killQuietly(pid);
    try {
      await rmdir(dir);
      return;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      if (errorCode(error) !== 'EBUSY' || Date.now() > deadline) {
        throw new Error(`could not remove the sandbox cgroup ${dir}: ${errorCode(error)} (processes left: ${pids.join(' ') || 'none'})`);
      }
    }
    await sleep(5);
  }
}

async function probeWritable(dir: string): Promise<string | undefined> {
  const probe = join(dir, `evalforge-probe-${process.pid}`);
  try {
    await mkdir(probe);
  } catch (error) {
    return `cannot create a group under ${dir} (${errorCode(error)})`;
  }
  try {
    await writeFile(join(probe, 'pids.max'), '1');
    return undefined;
  } catch (error) {
    return `cannot set pids.max in a group under ${dir} (${errorCode(error)})`;
  } finally {
    await rmdir(probe).catch(() => undefined);
  }
}

/** The directory of the group at `path` (as /proc/self/cgroup names it) under `mount`. */
function groupDir(mount: CgroupMount, path: string): string {
  const relative = mount.root === '/' ? path : path.startsWith(mount.root) ? path.slice(mount.root.length) : path;
  return join(mount.mountPoint, relative).replace(/(.)\/$/, '$1');
}

/** /proc/self/mountinfo lines: `id parent dev root mountpoint options [optional...] - fstype source superoptions`. */
function parseMountInfo(text: string): CgroupMount[] {
  const mounts: CgroupMount[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const separator = fields.indexOf('-');
    if (separator < 0 || fields.length < separator + 4) continue;
    mounts.push({
      root: unescapeOctal(fields[3] ?? ''),
      mountPoint: unescapeOctal(fields[4] ?? ''),
      fsType: fields[separator + 1] ?? '',
      superOptions: (fields[separator + 3] ?? '').split(','),
    });
  }
  return mounts;
}

/** mountinfo writes space, tab, newline and backslash in paths as `\040`-style octal escapes. */
function unescapeOctal(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone between reading cgroup.procs and the kill.
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}
