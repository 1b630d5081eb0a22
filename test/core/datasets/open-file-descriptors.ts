import { readdirSync, readlinkSync } from 'node:fs';

/** How many of this process's open file descriptors point at `path` (Linux /proc). */
export function openDescriptorsFor(path: string): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === path) count += 1;
    } catch {
      // The descriptor closed between listing and reading it.
    }
  }
  return count;
}
