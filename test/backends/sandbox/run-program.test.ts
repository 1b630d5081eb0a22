import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { detectIsolation, type IsolationReport, type SandboxRun } from '../../../src/backends/sandbox/index.js';
import { runProgram } from '../../../src/backends/sandbox/run-program.js';
import { resolveSandboxLimits, type SandboxLimitOptions } from '../../../src/backends/sandbox/sandbox-limits.js';
import { isolateTmpdir, leftoverCgroups, markedTimeout, processesWithMarker } from './sandbox-test-host.js';

let isolation: IsolationReport;
let tmp: ReturnType<typeof isolateTmpdir>;
let markers: number[] = [];

beforeAll(async () => {
  tmp = isolateTmpdir();
  isolation = await detectIsolation();
});
afterAll(() => tmp.remove());

/** Runs `program` with a time limit marked for this test and checks nothing of it is left behind. */
async function run(program: string, seconds = 1, options: SandboxLimitOptions = {}): Promise<SandboxRun> {
  const marker = markedTimeout(seconds);
  markers.push(marker);
  return runProgram(isolation.setup, resolveSandboxLimits({ ...options, timeoutSeconds: marker }), program);
}

afterEach(() => {
  for (const marker of markers) expect(processesWithMarker(marker, isolation.setup.uid)).toEqual([]);
  markers = [];
  expect(tmp.entries()).toEqual([]);
  expect(leftoverCgroups(isolation)).toEqual([]);
});

describe('runProgram: ordinary outcomes', () => {
  it('passes a program that runs to the end', async () => {
    const result = await run('def add(a, b):\n    return a + b\n\nassert add(2, 3) == 5\n');
    expect(result).toMatchObject({ status: 'passed', result: 'passed', exitCode: 0 });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('fails an AssertionError with the reference result string and keeps the traceback', async () => {
    const result = await run('assert 1 + 1 == 3, "wrong sum"');
    expect(result).toMatchObject({ status: 'failed', result: 'failed: wrong sum', exitCode: 1 });
    expect(result.stderr).toContain('AssertionError: wrong sum');
  });

  it('fails a syntax error', async () => {
    const result = await run('def broken(:\n    pass\n');
    expect(result.status).toBe('failed');
    expect(result.result).toMatch(/^failed: .*\(<string>, line 1\)$/);
    expect(result.stderr).toContain('SyntaxError');
  });

  it('times out an infinite loop at the time limit', async () => {
    const result = await run('while True:\n    pass\n');
    expect(result).toMatchObject({ status: 'timeout', result: 'timed out' });
    expect(result.durationMs).toBeGreaterThanOrEqual(1000);
    expect(result.durationMs).toBeLessThan(2000);
  });

  it('kills a program that swallows the time limit one second later', async () => {
    const program = 'import time\nwhile True:\n    try:\n        time.sleep(5)\n    except BaseException:\n        pass\n';
    const result = await run(program);
    expect(result).toMatchObject({ status: 'timeout', result: 'timed out', signal: 'SIGKILL' });
    expect(result.detail).toContain('killed');
    expect(result.durationMs).toBeGreaterThanOrEqual(2000);
    expect(result.durationMs).toBeLessThan(3500);
  });
});

describe('runProgram: limits and sandbox failures', () => {
  it('stops a program at the CPU-time limit before the wall clock', async () => {
    const result = await run('while True:\n    pass\n', 5, { cpuSeconds: 1 });
    expect(result).toMatchObject({ status: 'timeout', result: 'timed out', signal: 'SIGKILL' });
    expect(result.detail).toContain('1 s CPU-time limit');
    expect(result.durationMs).toBeLessThan(4000);
  });

  it('reports a sandbox that cannot start python as an error, with the reason', async () => {
    const broken = { ...isolation.setup, pythonPath: '/nonexistent/python3' };
    const result = await runProgram(broken, resolveSandboxLimits({ timeoutSeconds: 1 }), 'pass');
    expect(result.status).toBe('error');
    expect(result.detail).toMatch(/^python did not start in the sandbox \(exit code \d+\): .*nonexistent/);
    expect(result.result).toBe(`error: ${result.detail}`);
  });
});

describe('runProgram: hostile programs are contained', () => {
  it('contains a fork bomb while another program still passes and the host can still fork', async () => {
    const bomb = 'import posix\nwhile True:\n    try:\n        posix.fork()\n    except OSError:\n        pass\n';
    const bombed = run(bomb, 2);
    await sleep(500);
    const bombProcesses = processesWithMarker(markers.at(-1) ?? 0, isolation.setup.uid).filter((line) => line.startsWith(isolation.setup.pythonPath));
    expect(bombProcesses.length).toBeGreaterThan(1);
    expect(bombProcesses.length).toBeLessThanOrEqual(32);
    const neighbour = await run('import time\ntime.sleep(0.2)\n', 10);
    expect(neighbour.status).toBe('passed');
    expect(execFileSync('true').length).toBe(0);
    const result = await bombed;
    expect(result.status).toBe('timeout');
  });

  it('refuses a 10 GB allocation with MemoryError', async () => {
    const result = await run('block = bytearray(10 * 1024 ** 3)\n');
    expect(result).toMatchObject({ status: 'failed', result: 'failed: ' });
    expect(result.stderr).toContain('MemoryError');
  });

  it('keeps writes inside the sandbox: /tmp is private and the rest read-only', async () => {
    const tag = `${process.pid}-${Date.now()}`;
    const hostTmp = `/tmp/evalforge-sandbox-evil-${tag}`;
    const work = `/work/evalforge-sandbox-evil-${tag}`;
    const program = [
      `open(${JSON.stringify(hostTmp)}, "w").write("private tmp")`,
      `open("scratch.txt", "w").write("the working directory is writable")`,
      `open(${JSON.stringify(work)}, "w").write("escaped")`,
    ].join('\n');
    const result = await run(program);
    expect(result.status).toBe('failed');
    expect(result.result).toContain('Read-only file system');
    expect(existsSync(hostTmp)).toBe(false);
    expect(existsSync(work)).toBe(false);
  });

  it('limits file size', async () => {
    const result = await run('open("big.bin", "wb").write(b"x" * (20 * 1024 * 1024))\n');
    expect(result.status).toBe('failed');
    expect(result.result).toContain('File too large');
  });

  describe('with a local server listening', () => {
    let server: Server;
    let port: number;
    const received: string[] = [];
    beforeAll(async () => {
      server = createServer((socket) => {
        received.push('connection');
        socket.on('data', (data) => received.push(data.toString()));
      });
      await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('cannot reach it over loopback or any host address', async () => {
      const hosts = [
        '127.0.0.1',
        ...Object.values(networkInterfaces())
          .flat()
          .filter((address) => address?.family === 'IPv4')
          .map((address) => address?.address),
      ];
      const program = [
        'import socket',
        'errors = []',
        `for host in ${JSON.stringify(hosts)}:`,
        '    try:',
        `        socket.create_connection((host, ${port}), timeout=1).sendall(b"escaped")`,
        '    except OSError as e:',
        '        errors.append(type(e).__name__)',
        'raise ConnectionError(errors)',
      ].join('\n');
      const result = await run(program, 5);
      expect(result.status).toBe('failed');
      expect(result.result).toMatch(/^failed: \[/);
      await sleep(200);
      expect(received).toEqual([]);
    });
  });

  it("blocks os.kill(os.getppid(), 9) like the reference's guard does", async () => {
    const result = await run('import os\nos.kill(os.getppid(), 9)\n');
    expect(result).toMatchObject({ status: 'failed', result: "failed: 'NoneType' object is not callable" });
  });

  it('contains kills that go around the guard: parent, process group, every process', async () => {
    const neighbour = run('import time\ntime.sleep(1.5)\n', 10);
    await sleep(300);
    const program = [
      'import posix, signal',
      'for kill in (lambda: posix.kill(posix.getppid(), signal.SIGKILL), lambda: posix.killpg(0, signal.SIGKILL), lambda: posix.kill(-1, signal.SIGKILL)):',
      '    try:',
      '        kill()',
      '    except OSError:',
      '        pass',
      'raise SystemExit("still alive after the kills")',
    ].join('\n');
    const result = await run(program);
    expect(result).toMatchObject({ status: 'failed', result: 'failed: still alive after the kills' });
    expect((await neighbour).status).toBe('passed');
  });

  it('sees no host processes and none of the run\'s environment', async () => {
    process.env.EVALFORGE_SANDBOX_TEST_SECRET = 'sk-should-not-leak';
    try {
      const program = [
        'import os',
        'assert "EVALFORGE_SANDBOX_TEST_SECRET" not in os.environ, sorted(os.environ)',
        'pids = [name for name in os.listdir("/proc") if name.isdigit()]',
        'assert pids == ["1"], pids',
      ].join('\n');
      expect((await run(program)).status).toBe('passed');
    } finally {
      delete process.env.EVALFORGE_SANDBOX_TEST_SECRET;
    }
  });

  it('stops a program that floods stderr and keeps only the tail', async () => {
    const result = await run('import posix\nwhile True:\n    posix.write(2, b"x" * 65536)\n', 5, { maxOutputBytes: 1024 * 1024 });
    expect(result.status).toBe('failed');
    expect(result.detail).toContain('1048576 bytes');
    expect(result.stderr.length).toBeLessThanOrEqual(4096);
    expect(result.durationMs).toBeLessThan(5000);
  });
});
