// Code execution benchmark. Run with `npm run bench:code` (TypeScript sources through tsx); see
// docs/tasks/code.md. Runs the 164 canonical HumanEval programs, built exactly as the humaneval task
// builds them (stripped prompt + "\n" + canonical body, cut at the stop words, + "\n" + the tests),
// through the sandbox at each concurrency in BENCH_CONCURRENCY (default: 1 and one per CPU) and
// prints programs executed per second. Every program must pass.
import { availableParallelism, cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = (path) => import(resolve(REPO_ROOT, 'src', path));
const { createSandbox, detectIsolation } = await src('backends/sandbox/index.ts');
const { createDatasetReader } = await src('core/datasets/create-dataset-reader.ts');
const { humaneval } = await src('harnesses/bigcode/humaneval.ts');

process.env.EVALFORGE_DATA_DIR ||= resolve(REPO_ROOT, '../shared/datasets');
const concurrencies = (process.env.BENCH_CONCURRENCY ?? `1,${availableParallelism()}`).split(',').map(Number);

const programs = [];
for await (const { doc } of humaneval.docs(createDatasetReader({ offline: true }))) {
  const candidate = humaneval.score(`\n${doc.canonicalSolution}`, doc).extracted.code;
  programs.push(`${candidate}\n${humaneval.target(doc)}`);
}

const probeStart = performance.now();
const isolation = await detectIsolation();
const probeMs = performance.now() - probeStart;
console.log(`node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown CPU'}), python ${isolation.python.version} at ${isolation.python.path}`);
console.log(`isolation ${isolation.level}: ${isolation.reason} (probed in ${probeMs.toFixed(0)} ms)`);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
let failed = false;
for (const concurrency of concurrencies) {
  const sandbox = createSandbox({ isolation, timeoutSeconds: 3, concurrency });
  const start = performance.now();
  const runs = await Promise.all(programs.map((program) => sandbox.run(program)));
  const wallMs = performance.now() - start;
  await sandbox.close();
  const passed = runs.filter((run) => run.status === 'passed').length;
  const durations = runs.map((run) => run.durationMs).sort((a, b) => a - b);
  console.log(
    `concurrency ${String(concurrency).padStart(3)}: ${programs.length} programs in ${(wallMs / 1000).toFixed(2)} s = ${((programs.length * 1000) / wallMs).toFixed(1)} programs/s; ` +
      `per program median ${percentile(durations, 0.5)} ms, p95 ${percentile(durations, 0.95)} ms; passed ${passed}/${programs.length}`,
  );
  if (passed !== programs.length) failed = true;
}
if (failed) {
  console.error('Some canonical solutions did not pass: the sandbox is not executing programs as the reference does.');
  process.exit(1);
}
