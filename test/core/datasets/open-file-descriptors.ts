import { readdirSync, readlinkSync, realpathSync } from 'node:fs';

/** How many of this process's open file descriptors point at `path` (Linux /proc). */
export function openDescriptorsFor(path: string): number {
  // /proc shows the resolved path, so compare against it (the data dir may sit behind a symlink).
  const target = realpathSync(path);
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === target) count += 1;
    } catch {
      // The descriptor closed between listing and reading it.
    }
  }
  return count;
}
