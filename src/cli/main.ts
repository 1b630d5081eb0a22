import { AbortedError, BudgetExceededError, EvalforgeError } from '../core/errors.js';
import { EVALFORGE_VERSION } from '../version.js';
import { PROXY_FLAGS, RUN_EVAL_FLAGS } from './args.js';
import { listTasks, runEval } from './commands.js';
import { runProxy } from './proxy-command.js';
import { REPORT_USAGE, runReport } from './report-command.js';
import { COMPARE_USAGE, runCompare } from './compare-command.js';
import { RESCORE_USAGE, runRescore } from './rescore-command.js';

const USAGE = `evalforge ${EVALFORGE_VERSION}: LLM evaluation, compatible with nemo-evaluator

Usage:
  evalforge ls [--custom_task PATH] list every task (harness.task, endpoint types, description)
  evalforge run_eval [flags]        run one evaluation
      ${RUN_EVAL_FLAGS.join(' ')}
      (--custom_task PATH registers a YAML task as custom.<name>; repeat it for several)
  evalforge proxy [flags]           serve the adapter pipeline as a local OpenAI-compatible endpoint
      ${PROXY_FLAGS.join(' ')}
      (prints the proxy URL; Ctrl-C stops it and prints the interceptor reports)
  ${REPORT_USAGE}
      write the HTML report of one run, or a combined one of several (docs/report.md)
  ${COMPARE_USAGE}
      paired comparison of two runs of one task: differences, intervals, tests, flipped samples (docs/statistics.md)
  ${RESCORE_USAGE}
      score a run's samples again with the current scorers, no model calls (docs/rescore.md)

Example:
  evalforge run_eval --eval_type gsm8k --model_id my-model \\
    --model_url http://localhost:8000/v1/completions --model_type completions \\
    --output_dir ./results --overrides 'config.params.limit_samples=50,config.params.parallelism=16'
`;

async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nStopping: waiting for in-flight requests; press Ctrl-C again to quit at once.\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const io = { stdout: process.stdout, stderr: process.stderr, signal: controller.signal };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ls':
        await listTasks(rest, io);
        return 0;
      case 'run_eval':
        await runEval(rest, io);
        return 0;
      case 'proxy':
        await runProxy(rest, io);
        return 0;
      case 'report':
        await runReport(rest, io);
        return 0;
      case 'compare':
        await runCompare(rest, io);
        return 0;
      case 'rescore':
        await runRescore(rest, io);
        return 0;
      case '--version':
        io.stdout.write(`${EVALFORGE_VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      default:
        io.stderr.write(`error: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof AbortedError) {
      io.stderr.write(`${error.message}\n`);
      return 130;
    }
    if (error instanceof BudgetExceededError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 3;
    }
    if (error instanceof EvalforgeError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    const detail = process.env.EVALFORGE_DEBUG ? `\n${(error as Error).stack}` : '\n(set EVALFORGE_DEBUG=1 for the stack trace and please report it)';
    io.stderr.write(`error: unexpected failure: ${(error as Error).message ?? String(error)}${detail}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

process.exitCode = await main(process.argv.slice(2));
