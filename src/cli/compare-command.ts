import { compare, type MetricComparison, type RunComparison } from '../api/compare.js';
import { ConfigError } from '../core/errors.js';
import { parseCommandArgs } from './args.js';
import type { CliIo } from './commands.js';

const OPTIONS = {
  json: { type: 'boolean', default: false },
  iterations: { type: 'string' },
} as const;

/** Flipped ids shown per direction and metric in the text output (`--json` lists all). */
const SHOWN_IDS = 10;

export const COMPARE_USAGE = 'evalforge compare <runA> <runB> [--json] [--iterations N]';

function parseCompareArgs(argv: string[]): { runA: string; runB: string; json: boolean; iterations?: number } {
  const config = { args: argv, options: OPTIONS, strict: true, allowPositionals: true } as const;
  const { positionals, values } = parseCommandArgs('compare', config, `usage: ${COMPARE_USAGE}`);
  if (positionals.length !== 2) throw new ConfigError('compare', `expected two output dirs, got ${positionals.length}`, `usage: ${COMPARE_USAGE}`);
  const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
  if (iterations !== undefined && !/^\d+$/.test(values.iterations ?? '')) {
    throw new ConfigError('--iterations', `expected a whole number, got "${values.iterations}"`, 'e.g. --iterations 10000');
  }
  return { runA: positionals[0] as string, runB: positionals[1] as string, json: values.json, iterations };
}

const fixed = (value: number) => value.toFixed(4);
const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(4)}`;
const pValue = (value: number | null) => (value === null ? 'n/a' : value < 1e-4 ? value.toExponential(1) : value.toFixed(4));

function testColumns(metric: MetricComparison): [string, string] {
  const { test } = metric;
  if (test.name === 'mcnemar_exact') return ['McNemar exact', pValue(test.pValue)];
  return [`paired t (df ${test.df})`, pValue(test.pValue)];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd()).join('\n');
}

function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN_IDS).join(', ');
  return ids.length > SHOWN_IDS ? `${shown}, … ${ids.length - SHOWN_IDS} more (--json lists all)` : shown;
}

/** The comparison as a text table: runs, pairing, one row per metric, then the flipped samples. */
export function formatComparison(result: RunComparison): string {
  const { a, b } = result;
  const lines: string[] = [];
  const version = a.task.version ? ` (version ${a.task.version === b.task.version || !b.task.version ? a.task.version : `${a.task.version} vs ${b.task.version}`})` : '';
  lines.push(`task: ${a.task.harness}.${a.task.name}${version}`);
  for (const [label, run] of [['A', a], ['B', b]] as const) {
    const errors = run.errors.length > 0 ? `, ${run.errors.length} failed (not compared)` : '';
    lines.push(`${label}: ${run.dir} (${run.samples} scored samples${errors})`);
  }
  lines.push(`paired: ${result.pairs} samples scored in both (${a.unpaired.length} only in A, ${b.unpaired.length} only in B)`);
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  const level = Math.round((result.metrics[0]?.interval.level ?? 0.95) * 100);
  const rows = [['metric', 'pairs', 'A', 'B', 'B-A', `${level}% CI (paired bootstrap)`, 'test', 'p', 'up', 'down']];
  for (const metric of result.metrics) {
    const [test, p] = testColumns(metric);
    rows.push([
      metric.metric,
      String(metric.pairs),
      fixed(metric.meanA),
      fixed(metric.meanB),
      signed(metric.difference),
      `[${signed(metric.interval.low)}, ${signed(metric.interval.high)}]`,
      test,
      p,
      String(metric.flips.up.length),
      String(metric.flips.down.length),
    ]);
  }
  lines.push('', table(rows), '');
  lines.push('up / down: samples where B scored higher / lower than A (0→1 / 1→0 for a 0/1 metric)');
  for (const metric of result.metrics) {
    const [up, down] = metric.kind === 'binary' ? ['0→1', '1→0'] : ['higher in B', 'lower in B'];
    if (metric.flips.up.length > 0) lines.push(`${metric.metric} ${up} (${metric.flips.up.length}): ${idList(metric.flips.up)}`);
    if (metric.flips.down.length > 0) lines.push(`${metric.metric} ${down} (${metric.flips.down.length}): ${idList(metric.flips.down)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `evalforge compare <runA> <runB>`: the text table, or with `--json` the whole comparison as JSON. */
export async function runCompare(argv: string[], io: Pick<CliIo, 'stdout'>): Promise<void> {
  const args = parseCompareArgs(argv);
  const result = await compare(args.runA, args.runB, args.iterations === undefined ? {} : { iterations: args.iterations });
  io.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatComparison(result));
}
