// IFEval scoring benchmark. Run with `npm run bench:ifeval` (builds dist/ first); see
// docs/tasks/ifeval.md. Scores GPT-4's 541 published responses with `scoreIfevalResponse` (strict and
// loose, every instruction), in this one process on one core: once cold (the first pass loads the
// punkt and langdetect models), then BENCH_ROUNDS warm passes. Target: < 1 s for all 541.
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_MS = 1000;

const { scoreIfevalResponse } = await import(join(REPO_ROOT, 'dist/index.js'));

const dataDir = join(process.env.EVALFORGE_DATA_DIR || resolve(REPO_ROOT, '../shared/datasets'), 'ifeval');
if (!existsSync(join(dataDir, 'gpt4_responses.jsonl'))) {
  console.error(`No ifeval/gpt4_responses.jsonl under ${dirname(dataDir)}: point EVALFORGE_DATA_DIR at the shared datasets folder.`);
  process.exit(1);
}
const readJsonl = (name) =>
  readFileSync(join(dataDir, name), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
const rows = readJsonl('input_data.jsonl');
const responses = new Map(readJsonl('gpt4_responses.jsonl').map((row) => [row.prompt, row.response]));

/** One pass over all rows: wall and CPU milliseconds, and the four reference counts. */
function scoreAll() {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const counts = { promptStrict: 0, instStrict: 0, promptLoose: 0, instLoose: 0, instructions: 0 };
  for (const row of rows) {
    const verdicts = scoreIfevalResponse(row, responses.get(row.prompt));
    counts.promptStrict += Number(verdicts.promptLevelStrict);
    counts.promptLoose += Number(verdicts.promptLevelLoose);
    for (const { strict, loose } of verdicts.instructions) {
      counts.instStrict += Number(strict);
      counts.instLoose += Number(loose);
      counts.instructions++;
    }
  }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, counts };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, data ${dataDir}`);
const cold = scoreAll();
const { counts } = cold;
console.log(
  `${rows.length} responses, ${counts.instructions} instructions: prompt strict ${counts.promptStrict}, inst strict ${counts.instStrict}, ` +
    `prompt loose ${counts.promptLoose}, inst loose ${counts.instLoose} (reference 417, 698, 431, 714)`,
);
console.log(`cold pass (loads punkt and langdetect data): wall ${ms(cold.wallMs)}, CPU ${ms(cold.cpuMs)}`);
const warm = Array.from({ length: ROUNDS }, scoreAll);
const warmWall = median(warm.map((run) => run.wallMs));
console.log(`warm passes (median of ${ROUNDS}): wall ${ms(warmWall)}, CPU ${ms(median(warm.map((run) => run.cpuMs)))}, ${((warmWall * 1000) / rows.length).toFixed(0)} µs per response`);
console.log(`target < ${TARGET_MS} ms for all ${rows.length}: cold ${cold.wallMs < TARGET_MS ? 'met' : 'MISSED'}, warm ${warmWall < TARGET_MS ? 'met' : 'MISSED'}`);
