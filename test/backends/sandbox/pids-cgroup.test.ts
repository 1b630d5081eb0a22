import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRunCgroup, findPidsCgroup } from '../../../src/backends/sandbox/pids-cgroup.js';

const probe = await findPidsCgroup();

describe('findPidsCgroup', () => {
  it('finds a writable pids cgroup or says why there is none', () => {
    if ('parent' in probe) {
      expect([1, 2]).toContain(probe.parent.version);
      expect(existsSync(probe.parent.dir)).toBe(true);
    } else {
      expect(probe.problem.length).toBeGreaterThan(0);
    }
  });
});

describe.runIf('parent' in probe)('createRunCgroup', () => {
  it('caps the processes of what joins it, and removing it kills what is left', async () => {
    if (!('parent' in probe)) return;
    const group = await createRunCgroup(probe.parent, 4);
    const dir = dirname(group.procsFile);
    expect(readFileSync(`${dir}/pids.max`, 'utf8').trim()).toBe('4');
    const script = 'echo $$ > "$0" && for i in 1 2 3 4 5 6; do sleep 30 & done; echo forked; wait';
    const shell = spawn('/bin/sh', ['-c', script, group.procsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    shell.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => shell.on('exit', () => resolve()));
    for (let i = 0; i < 100 && !readFileSync(group.procsFile, 'utf8').includes(String(shell.pid)); i++) await sleep(10);
    await sleep(300);
    const members = readFileSync(group.procsFile, 'utf8').trim().split('\n');
    expect(members.length).toBeLessThanOrEqual(4);
    expect(stderr).toMatch(/fork/i);
    await group.remove();
    await exited;
    expect(existsSync(dir)).toBe(false);
  });
});
