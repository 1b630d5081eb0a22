import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * Where root's tools live even when PATH leaves them out (setpriv and friends are in /usr/bin on
 * Debian but /usr/sbin or /sbin elsewhere).
 */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The absolute path of the first executable regular file called `name` in the directories of
 * `searchPath` (PATH syntax), then in the system directories; undefined when there is none.
 */
export function findExecutable(name: string, searchPath: string = process.env.PATH ?? ''): string | undefined {
  const dirs = [...searchPath.split(delimiter).filter((dir) => isAbsolute(dir)), ...SYSTEM_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** Whether `path` is a regular file (after symlinks) that this process may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
