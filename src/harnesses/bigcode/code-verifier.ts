import { ALLOW_UNSAFE_FLAG, createSandbox, detectIsolation, type SandboxRun } from '../../backends/sandbox/index.js';
import { ConfigError, EvalforgeError } from '../../core/errors.js';
import type { SampleScore, SampleVerifier, VerifierContext } from '../../core/task.js';
import { PASSED_KEY } from './code-eval-report.js';
import { CANDIDATE_KEY } from './code-sample.js';

/** Characters of a program's stderr kept per sample: the end, where a traceback names the error. */
const STDERR_TAIL = 1000;

export interface CodeVerifierOptions<Doc> {
  /** Seconds one program may run before it counts as timed out (bigcode's `timeout`). */
  timeoutSeconds: number;
  /** The program to run for a candidate (bigcode: `candidate + "\n" + reference`). */
  program(candidate: string, doc: Doc): string;
}

function tail(text: string): string {
  return text.length <= STDERR_TAIL ? text : `…${text.slice(-STDERR_TAIL)}`;
}

/** `params.extra.allow_unsafe_code_execution`: must be a boolean when set. */
function allowUnsafe(extra: Record<string, unknown> | undefined): boolean {
  const value = extra?.allow_unsafe_code_execution ?? false;
  if (typeof value !== 'boolean') {
    throw new ConfigError(`config.${ALLOW_UNSAFE_FLAG}`, `expected true or false, got ${JSON.stringify(value)}`, 'leave it out unless this host has no sandbox and you accept running the model\'s code unisolated');
  }
  return value;
}

/**
 * The code tasks' verifier: probes the host's isolation once (`detectIsolation`; a host that cannot
 * isolate programs is refused unless `params.extra.allow_unsafe_code_execution` is true), then runs
 * each sample's candidate (`extracted.code`, from the task's pure `score`) in the sandbox with the
 * task's time limit. `passed` = 1 only when the program ran to its end without raising (bigcode's
 * `result == "passed"`); a failure or a timeout scores 0. `details` records the sandbox `status`,
 * the reference's `result` string, the run time and the end of stderr. A program the sandbox itself
 * could not run (status `error`, never the program's fault) is run once more; a second `error` stops
 * the run rather than scoring a sample the model may have got right.
 */
export async function createCodeVerifier<Doc>(ctx: VerifierContext, options: CodeVerifierOptions<Doc>): Promise<SampleVerifier<Doc>> {
  const unsafe = allowUnsafe(ctx.params.extra);
  const isolation = await detectIsolation();
  const sandbox = createSandbox({ isolation, timeoutSeconds: options.timeoutSeconds, allowUnsafe: unsafe });

  async function run(program: string): Promise<SandboxRun> {
    const first = await sandbox.run(program);
    if (first.status !== 'error') return first;
    const second = await sandbox.run(program);
    if (second.status !== 'error') return second;
    throw new EvalforgeError(
      `the code sandbox could not run a program twice: ${second.detail ?? second.result}`,
      'finished samples are saved and a rerun resumes; check the host (free memory, processes, /tmp space) or the sandbox setup (docs/tasks/code.md)',
    );
  }

  return {
    async verify(scored: SampleScore, doc: Doc): Promise<SampleScore> {
      const candidate = scored.extracted[CANDIDATE_KEY] ?? '';
      const result = await run(options.program(candidate, doc));
      return {
        extracted: scored.extracted,
        scores: { ...scored.scores, [PASSED_KEY]: result.status === 'passed' ? 1 : 0 },
        details: { status: result.status, result: result.result, duration_ms: result.durationMs, stderr: tail(result.stderr) },
      };
    },
    describe: () => ({
      sandbox: {
        isolation: sandbox.level,
        reason: sandbox.reason,
        python: sandbox.isolation.python,
        timeout_seconds: sandbox.limits.timeoutSeconds,
        memory_bytes: sandbox.limits.memoryBytes,
        cpu_seconds: sandbox.limits.cpuSeconds,
        max_processes: sandbox.limits.maxProcesses,
        ...(unsafe ? { allow_unsafe_code_execution: true } : {}),
      },
    }),
    close: () => sandbox.close(),
  };
}
