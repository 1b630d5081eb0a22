// Throughput benchmark: evalforge's evaluate() against a bare fetch client sending the same requests
// to the same mock endpoint. Run with `npm run bench:throughput` (builds dist/ first); see
// docs/benchmarks.md. Speed claims live here, never in timed unit tests.
//
// One file, four roles (argv[2]): no role = orchestrator; `mock`, `evalforge` and `bare` are child
// processes forked from it, so the mock server's CPU never competes with a client's event loop and
// each client's peak RSS is its own.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO_ROOT = resolve(dirname(SCRIPT), '..');
const LATENCY_MS = 50;
const REPLY = 'Answer: A';
const TASK = 'simple_evals.mmlu';
const MODEL = 'mock-model';
const SCENARIOS = [
  { samples: 2000, parallelism: 64 },
  { samples: 10000, parallelism: 256 },
];
/** Measured rounds per scenario; odd rounds run the bare client first, even rounds evalforge first. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_RELATIVE = 0.95;
const TARGET_RSS_MB = 200;

const role = process.argv[2];
if (role === 'mock') await runMock();
else if (role === 'evalforge') await measure(runEvalforge);
else if (role === 'bare') await measure(runBare);
else await orchestrate();

// ---------------------------------------------------------------- child roles

/** Serves the mock until the parent disconnects; answers `stats` messages (then zeroes the counters). */
async function runMock() {
  const { createMockServer } = await import('../dist/testing.js');
  const server = await createMockServer({ latencyMs: LATENCY_MS, defaultReply: REPLY, model: MODEL });
  let cpuSince = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'stats') {
      const cpu = process.cpuUsage(cpuSince);
      cpuSince = process.cpuUsage();
      process.send({ stats: { ...server.stats(), cpuMs: (cpu.user + cpu.system) / 1000 } });
      server.resetStats();
    }
  });
  process.on('disconnect', () => void server.close());
  process.send({ chatUrl: server.chatUrl });
}

/** Runs one client measurement (job from the parent) and sends back wall time, CPU time and peak RSS. */
async function measure(client) {
  const job = JSON.parse(process.argv[3]);
  const outcome = await client(job);
  process.send({ ...outcome, maxRssMb: process.resourceUsage().maxRSS / 1024 });
  process.disconnect();
}

/** Wall and CPU (user + system) milliseconds of `work`. */
async function timed(work) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** evalforge end to end: evaluate() from call to resolve (config, dataset reads, requests, scoring, files). */
async function runEvalforge({ chatUrl, samples, parallelism, outputDir }) {
  const { evaluate } = await import('../dist/index.js');
  const { value: result, wallMs, cpuMs } = await timed(() =>
    evaluate(
      { type: TASK, outputDir, params: { limitSamples: samples, parallelism } },
      { apiEndpoint: { url: chatUrl, modelId: MODEL, type: 'chat' } },
    ),
  );
  const micro = result.groups.mmlu?.metrics.score?.scores.micro;
  const scored = micro?.stats.count ?? 0;
  return { wallMs, cpuMs, check: scored === samples ? `${scored} scored, accuracy ${micro.value.toFixed(4)}` : `only ${scored} scored` };
}

/**
 * The baseline: global `fetch`, a fixed pool of `parallelism` workers taking the next request body
 * from a shared cursor, each reply read and parsed. Bodies are the evalforge run's own requests
 * (messages from its samples.jsonl, generation params from its run_config.yml, same key order);
 * loading them is not timed, serializing them is.
 */
async function runBare({ chatUrl, parallelism, requestsPath }) {
  const bodies = JSON.parse(await readFile(requestsPath, 'utf8'));
  let next = 0;
  let wrong = 0;
  async function worker() {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(chatUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const reply = await response.json();
      if (response.status !== 200 || reply.choices?.[0]?.message?.content !== REPLY) wrong++;
    }
  }
  const { wallMs, cpuMs } = await timed(() => Promise.all(Array.from({ length: parallelism }, worker)));
  return { wallMs, cpuMs, check: wrong === 0 ? 'all replies ok' : `${wrong} bad replies` };
}

// ---------------------------------------------------------------- orchestrator

function child(args) {
  return fork(SCRIPT, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Forks a role and resolves with its one result message; rejects if it exits without one. */
function runChild(args) {
  return new Promise((resolvePromise, reject) => {
    const proc = child(args);
    let result;
    proc.once('message', (message) => (result = message));
    proc.once('exit', (code) => (result ? resolvePromise(result) : reject(new Error(`${args[0]} child exited with ${code} and no result`))));
  });
}

async function startMock() {
  const proc = child(['mock']);
  const { chatUrl } = await new Promise((resolvePromise, reject) => {
    proc.once('message', resolvePromise);
    proc.once('exit', (code) => reject(new Error(`mock server exited with ${code}`)));
  });
  return {
    chatUrl,
    stats: () =>
      new Promise((resolvePromise) => {
        proc.once('message', (message) => resolvePromise(message.stats));
        proc.send('stats');
      }),
    stop: () =>
      new Promise((resolvePromise) => {
        proc.once('exit', resolvePromise);
        proc.disconnect();
      }),
  };
}

/** The request bodies an evalforge run sent, in sample order, rebuilt as ModelClient builds them. */
async function requestBodies(outputDir) {
  const { parse } = await import('yaml');
  const runConfig = parse(await readFile(join(outputDir, 'run_config.yml'), 'utf8'));
  const params = runConfig.config.params;
  const model = runConfig.target.api_endpoint.model_id;
  const lines = (await readFile(join(outputDir, 'samples.jsonl'), 'utf8')).split('\n').filter(Boolean);
  const samples = lines.map((line) => JSON.parse(line)).sort((a, b) => a.index - b.index);
  return samples.map(({ messages }) => {
    const body = { model, messages };
    if (params.max_new_tokens != null) body.max_tokens = params.max_new_tokens;
    if (params.temperature != null) body.temperature = params.temperature;
    if (params.top_p != null) body.top_p = params.top_p;
    return body;
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function runScenario({ samples, parallelism }, workDir) {
  const mock = await startMock();
  const idealMs = Math.ceil(samples / parallelism) * LATENCY_MS;
  const runs = { bare: [], evalforge: [] };
  try {
    // Warm-up evalforge run (not reported): its samples.jsonl and run_config.yml give the bare
    // client the exact same requests, and it warms the mock server and the page cache.
    const prepDir = join(workDir, `prep-${samples}`);
    await runChild(['evalforge', JSON.stringify({ chatUrl: mock.chatUrl, samples, parallelism, outputDir: prepDir })]);
    await mock.stats();
    const requestsPath = join(workDir, `requests-${samples}.json`);
    const bodies = await requestBodies(prepDir);
    if (bodies.length !== samples) throw new Error(`warm-up run wrote ${bodies.length} samples, expected ${samples}`);
    await writeFile(requestsPath, JSON.stringify(bodies));

    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['bare', 'evalforge'] : ['evalforge', 'bare'];
      for (const client of order) {
        const outputDir = join(workDir, `${client}-${samples}-${round}`);
        const result = await runChild([client, JSON.stringify({ chatUrl: mock.chatUrl, samples, parallelism, outputDir, requestsPath })]);
        const stats = await mock.stats();
        runs[client].push(result);
        console.log(
          `  round ${round + 1} ${client.padEnd(9)} wall ${result.wallMs.toFixed(0).padStart(5)} ms` +
            ` (${((idealMs / result.wallMs) * 100).toFixed(1).padStart(5)}%)  cpu ${result.cpuMs.toFixed(0).padStart(5)} ms` +
            `  rss ${result.maxRssMb.toFixed(0).padStart(3)} MB | mock: ${stats.completed} served, peak in flight ${stats.peakInFlight},` +
            ` cpu ${stats.cpuMs.toFixed(0)} ms | ${result.check}`,
        );
      }
    }
  } finally {
    await mock.stop();
  }
  const summary = (client) => {
    const wallMs = median(runs[client].map((r) => r.wallMs));
    return {
      wallMs,
      efficiency: idealMs / wallMs,
      cpuUsPerSample: (median(runs[client].map((r) => r.cpuMs)) * 1000) / samples,
      maxRssMb: Math.max(...runs[client].map((r) => r.maxRssMb)),
    };
  };
  return { samples, parallelism, idealMs, bare: summary('bare'), evalforge: summary('evalforge') };
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row, i) => {
      const text = row.map((cell, column) => (column < 2 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
      return i === 0 ? `${text}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : text;
    })
    .join('\n');
}

async function orchestrate() {
  for (const file of ['dist/index.js', 'dist/testing.js']) {
    if (!existsSync(join(REPO_ROOT, file))) {
      console.error(`${file} is missing: run \`npm run build\` first (or use \`npm run bench:throughput\`).`);
      process.exit(1);
    }
  }
  process.env.EVALFORGE_DATA_DIR ||= resolve(REPO_ROOT, '../shared/datasets');
  // The benchmark measures the client, never a download: a missing dataset is an error.
  process.env.HF_HUB_OFFLINE = '1';
  if (!existsSync(join(process.env.EVALFORGE_DATA_DIR, 'mmlu/test'))) {
    console.error(`No MMLU test files under EVALFORGE_DATA_DIR=${process.env.EVALFORGE_DATA_DIR}: point it at the shared datasets folder.`);
    process.exit(1);
  }

  console.log(`evalforge throughput benchmark: task ${TASK} (chat), mock latency ${LATENCY_MS} ms, every reply "${REPLY}"`);
  console.log(`mock server and each client in separate processes; ${ROUNDS} rounds per scenario, alternating which client goes first`);
  console.log(`node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), data ${process.env.EVALFORGE_DATA_DIR}`);
  // Other processes on the machine skew wall times; the load average says how quiet it was.
  console.log(`load average at start: ${loadavg()[0].toFixed(2)}\n`);

  const workDir = await mkdtemp(join(tmpdir(), 'evalforge-bench-'));
  const results = [];
  try {
    for (const scenario of SCENARIOS) {
      console.log(`N=${scenario.samples}, parallelism ${scenario.parallelism}:`);
      results.push(await runScenario(scenario, workDir));
      console.log('');
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  const rows = [['scenario', 'client', 'ideal ms', 'wall ms (median)', 'efficiency', 'client CPU µs/sample', 'peak RSS MB (max)', 'RSS target', 'evalforge vs bare', 'target']];
  for (const r of results) {
    const scenario = `N=${r.samples} P=${r.parallelism}`;
    const relative = r.evalforge.efficiency / r.bare.efficiency;
    for (const client of ['bare', 'evalforge']) {
      const s = r[client];
      rows.push([
        scenario,
        client,
        r.idealMs,
        s.wallMs.toFixed(0),
        `${(s.efficiency * 100).toFixed(1)}%`,
        s.cpuUsPerSample.toFixed(0),
        s.maxRssMb.toFixed(1),
        s.maxRssMb < TARGET_RSS_MB ? `< ${TARGET_RSS_MB} ok` : `< ${TARGET_RSS_MB} MISSED`,
        client === 'evalforge' ? `${(relative * 100).toFixed(1)}%` : '',
        client === 'evalforge' ? (relative >= TARGET_RELATIVE ? '>= 95% ok' : '>= 95% MISSED') : '',
      ]);
    }
  }
  console.log(table(rows));
  console.log(`\nideal = ceil(N/P) x ${LATENCY_MS} ms; efficiency = ideal / median wall; evalforge vs bare = evalforge efficiency / bare efficiency;`);
  console.log('client CPU = median user+system CPU of the timed section per sample; peak RSS = highest maxRSS over the rounds.');
  console.log(`targets (reported, not asserted): evalforge within 5% of the bare client, peak RSS < ${TARGET_RSS_MB} MB.`);
  console.log(`load average at end: ${loadavg()[0].toFixed(2)}`);
}
