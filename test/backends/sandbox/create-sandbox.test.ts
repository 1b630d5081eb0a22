import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { ALLOW_UNSAFE_FLAG, createSandbox, detectIsolation, type IsolationReport } from '../../../src/backends/sandbox/index.js';
import { isolateTmpdir, leftoverCgroups, markedTimeout, processesWithMarker, pythonsWithMarker } from './sandbox-test-host.js';

let isolation: IsolationReport;
let tmp: ReturnType<typeof isolateTmpdir>;

beforeAll(async () => {
  tmp = isolateTmpdir();
  isolation = await detectIsolation();
});
afterAll(() => tmp.remove());
afterEach(() => {
  expect(tmp.entries()).toEqual([]);
  expect(leftoverCgroups(isolation)).toEqual([]);
});

/** The same host as if bwrap were missing. */
function withoutBwrap(report: IsolationReport): IsolationReport {
  const { bwrap: _bwrap, ...tools } = report.setup.tools;
  return { ...report, level: 'none', reason: 'bwrap not found', setup: { ...report.setup, tools } };
}

describe('createSandbox', () => {
  it('exposes the isolation level and its reason', () => {
    const sandbox = createSandbox({ isolation });
    expect(sandbox.level).toBe(isolation.level);
    expect(sandbox.reason).toBe(isolation.reason);
    expect(sandbox.limits).toMatchObject({ timeoutSeconds: 3, cpuSeconds: 4, maxProcesses: 32 });
  });

  it('refuses isolation level none without the opt-in, naming the config flag', () => {
    const create = () => createSandbox({ isolation: withoutBwrap(isolation) });
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(`${ALLOW_UNSAFE_FLAG}: model-written code cannot be isolated here (bwrap not found)`);
    expect(create).toThrow('set params.extra.allow_unsafe_code_execution: true');
  });

  it('runs programs without bwrap once the opt-in is given, still without leftovers', async () => {
    const sandbox = createSandbox({ isolation: withoutBwrap(isolation), allowUnsafe: true });
    const marker = markedTimeout(2);
    const unsafe = createSandbox({ isolation: withoutBwrap(isolation), allowUnsafe: true, timeoutSeconds: marker });
    expect((await sandbox.run('assert sum([1, 2]) == 3')).status).toBe('passed');
    expect((await sandbox.run('assert False')).status).toBe('failed');
    const spawner = 'import posix, time\nif posix.fork() == 0:\n    time.sleep(30)\n';
    expect((await unsafe.run(spawner)).status).toBe('passed');
    expect(processesWithMarker(marker, isolation.setup.uid)).toEqual([]);
  });

  it('rejects limits that are not positive', () => {
    expect(() => createSandbox({ isolation, timeoutSeconds: 0 })).toThrow('sandbox.timeoutSeconds: expected a positive number, got 0');
    expect(() => createSandbox({ isolation, maxProcesses: 2.5 })).toThrow('sandbox.maxProcesses: expected a positive integer');
    expect(() => createSandbox({ isolation, concurrency: 0 })).toThrow('sandbox.concurrency');
  });

  it('runs at most `concurrency` programs at once, and that many in parallel', async () => {
    const marker = markedTimeout(5);
    const sandbox = createSandbox({ isolation, concurrency: 2, timeoutSeconds: marker });
    let running = true;
    const runs = Promise.all(Array.from({ length: 6 }, () => sandbox.run('import time\ntime.sleep(0.6)'))).finally(() => {
      running = false;
    });
    let most = 0;
    while (running) {
      most = Math.max(most, pythonsWithMarker(isolation, marker));
      await sleep(20);
    }
    expect((await runs).map((run) => run.status)).toEqual(Array(6).fill('passed'));
    expect(most).toBe(2);
  });

  it('close waits for the programs in flight, then refuses new ones', async () => {
    const sandbox = createSandbox({ isolation });
    const inFlight = sandbox.run('import time\ntime.sleep(0.3)');
    await sandbox.close();
    expect(tmp.entries()).toEqual([]);
    expect((await inFlight).status).toBe('passed');
    await expect(sandbox.run('pass')).rejects.toThrow('after close');
  });
});
