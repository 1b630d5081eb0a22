import { rescore, type RescoreResult } from '../api/rescore.js';
import { ConfigError } from '../core/errors.js';
import { parseCommandArgs } from './args.js';
import type { CliIo } from './commands.js';

const OPTIONS = {
  json: { type: 'boolean', default: false },
  dry_run: { type: 'boolean', default: false },
  custom_task: { type: 'string', multiple: true },
} as const;

/** Sample ids shown per list in the text output (`--json` lists all). */
const SHOWN_IDS = 10;

export const RESCORE_USAGE = 'evalforge rescore <output_dir> [--dry_run] [--json] [--custom_task PATH]';

function parseRescoreArgs(argv: string[]): { dir: string; json: boolean; dryRun: boolean; customTasks: string[] } {
  const config = { args: argv, options: OPTIONS, strict: true, allowPositionals: true } as const;
  const { positionals, values } = parseCommandArgs('rescore', config, `usage: ${RESCORE_USAGE}`);
  if (positionals.length !== 1) throw new ConfigError('rescore', `expected one output dir, got ${positionals.length}`, `usage: ${RESCORE_USAGE}`);
  return { dir: positionals[0] as string, json: values.json, dryRun: values.dry_run, customTasks: values.custom_task ?? [] };
}

const number = (value: number | null) => (value === null ? '-' : value.toFixed(4));

function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, SHOWN_IDS).join(', ');
  return ids.length > SHOWN_IDS ? `${shown}, … ${ids.length - SHOWN_IDS} more (--json lists all)` : shown;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ').trimEnd()).join('\n');
}

/** What a rescore changed, as text: samples, per-metric means and movers, changed reported scores, files. */
export function formatRescore(result: RescoreResult): string {
  const { task, samples } = result;
  const from = task.recordedVersion && task.recordedVersion !== task.version ? `, samples scored with version ${task.recordedVersion}` : '';
  const lines = [`rescored ${task.harness}.${task.name} (version ${task.version}${from}): ${result.dir}`];
  lines.push(`samples: ${samples.scored} scored, ${samples.rescored} rescored, ${samples.changed} changed, ${samples.kept} kept as recorded, ${samples.errors} failed lines left as they are`);
  for (const { reason, ids } of result.kept) lines.push(`kept as recorded (${ids.length}): ${reason}: ${idList(ids)}`);
  if (result.promptChanged.length > 0) {
    lines.push(`warning: ${result.promptChanged.length} sample(s) answered a prompt the task now builds differently, so their responses may not fit the current task: ${idList(result.promptChanged)}`);
  }
  const rows = [['metric', 'before', 'after', 'changed', 'up', 'down']];
  for (const metric of result.metrics) rows.push([metric.metric, number(metric.before), number(metric.after), String(metric.changed), String(metric.up.length), String(metric.down.length)]);
  lines.push('', table(rows));
  const moved = result.reported.filter((score) => score.before !== score.after);
  lines.push('', moved.length > 0 ? 'reported scores that changed:' : 'no reported score changed');
  for (const score of moved) {
    const delta = score.before !== null && score.after !== null ? ` (${score.after - score.before >= 0 ? '+' : ''}${(score.after - score.before).toFixed(4)})` : '';
    lines.push(`  ${score.score}: ${number(score.before)} → ${number(score.after)}${delta}`);
  }
  if (moved.length > 0 && moved.length < result.reported.length) lines.push(`  (${result.reported.length - moved.length} other reported scores unchanged)`);
  for (const metric of result.metrics) {
    if (metric.up.length > 0) lines.push(`${metric.metric} up (${metric.up.length}): ${idList(metric.up)}`);
    if (metric.down.length > 0) lines.push(`${metric.metric} down (${metric.down.length}): ${idList(metric.down)}`);
  }
  lines.push('', result.written.length > 0 ? `written: ${result.written.join(', ')}` : 'dry run: nothing written');
  return `${lines.join('\n')}\n`;
}

/** `evalforge rescore <output_dir>`: rescoring's summary as text, or with `--json` the whole result. */
export async function runRescore(argv: string[], io: Pick<CliIo, 'stdout'>): Promise<void> {
  const args = parseRescoreArgs(argv);
  const result = await rescore(args.dir, { dryRun: args.dryRun, customTasks: args.customTasks });
  io.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatRescore(result));
}
