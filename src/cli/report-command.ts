import { report } from '../api/report.js';
import { ConfigError } from '../core/errors.js';
import { parseCommandArgs } from './args.js';
import type { CliIo } from './commands.js';

const REPORT_OPTIONS = { output: { type: 'string' }, title: { type: 'string' } } as const;

export const REPORT_USAGE = 'evalforge report <output_dir>... [--output PATH] [--title TEXT]';

/**
 * `evalforge report <output_dir>... [--output PATH] [--title TEXT]`: writes the HTML report of one
 * run (default `<output_dir>/report.html`) or a combined report of several (default `./report.html`),
 * and prints where it went.
 */
export async function runReport(argv: string[], io: Pick<CliIo, 'stdout'>): Promise<void> {
  const config = { args: argv, options: REPORT_OPTIONS, strict: true, allowPositionals: true } as const;
  const { positionals, values } = parseCommandArgs('report', config, `usage: ${REPORT_USAGE}`);
  if (positionals.length === 0) throw new ConfigError('report', 'no output dir given', `usage: ${REPORT_USAGE}`);
  const written = await report(positionals, { output: values.output, title: values.title });
  const compared = written.compared ? ', with their paired comparison' : '';
  io.stdout.write(`report: ${written.path} (${written.runs} run${written.runs === 1 ? '' : 's'}, ${written.samples} samples${compared})\n`);
}
