import { chmodSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectIsolation, type IsolationReport } from '../../../src/backends/sandbox/index.js';
import { findExecutable } from '../../../src/backends/sandbox/find-executable.js';
import { findPidsCgroup } from '../../../src/backends/sandbox/pids-cgroup.js';
import { EvalforgeError } from '../../../src/core/errors.js';
import { isolateTmpdir } from './sandbox-test-host.js';

const isRoot = process.getuid?.() === 0;
let isolation: IsolationReport;
let tmp: ReturnType<typeof isolateTmpdir>;

beforeAll(async () => {
  tmp = isolateTmpdir();
  isolation = await detectIsolation();
});
afterAll(() => tmp.remove());

describe('detectIsolation', () => {
  it('finds bwrap usable here (CI installs bubblewrap), so programs are isolated', () => {
    expect(findExecutable('bwrap')).toBeDefined();
    expect(isolation.level).not.toBe('none');
    expect(isolation.setup.tools.bwrap).toBeDefined();
  });

  it('runs programs as uid 65534 when evalforge is root', () => {
    if (isRoot) {
      expect(isolation.setup.uid).toBe(65534);
      expect(isolation.setup.tools.setpriv).toBeDefined();
    } else {
      expect(isolation.level).toBe('degraded');
      expect(isolation.reason).toContain('not root');
    }
  });

  it('is full exactly when a pids cgroup is writable (as root, with prlimit and timeout), and says why not', async () => {
    const cgroup = await findPidsCgroup();
    if (isRoot && 'parent' in cgroup) {
      expect(isolation.level).toBe('full');
      expect(isolation.reason).toContain(`pids cgroup v${cgroup.parent.version} under ${cgroup.parent.dir}`);
      expect(isolation.setup.pidsCgroup).toEqual(cgroup.parent);
    } else if ('problem' in cgroup) {
      expect(isolation.level).toBe('degraded');
      expect(isolation.reason).toContain(`no writable pids cgroup (${cgroup.problem}): processes are limited by prlimit --nproc only`);
    }
  });

  it('names the python it chose and its version', () => {
    expect(isolation.python.path).toMatch(/^\//);
    expect(isolation.python.version).toMatch(/^3\.\d+\.\d+/);
    expect(isolation.setup.pythonPath).toBe(isolation.python.path);
  });

  it('fails at start with the fix when python3 is missing', async () => {
    const missing = detectIsolation({ python: '/nonexistent/python3' });
    await expect(missing).rejects.toThrow(EvalforgeError);
    await expect(missing).rejects.toThrow('python3 not found (tried /nonexistent/python3)');
    await expect(missing).rejects.toThrow('Fix: install python3 (apt-get install -y python3)');
  });

  it.runIf(isRoot)('fails at start when the sandbox user cannot run the python', async () => {
    const hidden = mkdtempSync('/tmp/evalforge-hidden-python-');
    chmodSync(hidden, 0o700);
    const python = join(hidden, 'python3');
    symlinkSync(isolation.python.path, python);
    try {
      const unreachable = detectIsolation({ python });
      await expect(unreachable).rejects.toThrow(`python3 cannot run the model-written programs as uid 65534: ${python}: python did not start`);
    } finally {
      rmSync(hidden, { recursive: true, force: true });
    }
  });
});
