// HTML report benchmark: `npm run bench:report` (builds dist/ first). Writes an output dir with N
// chat samples (default 100,000; BENCH_SAMPLES overrides), times report() building report.html,
// then, when Debian's chromium is installed, opens the page with playwright-core and times until it
// is ready (`html[data-report-ready]`) and until the next page of samples is shown. Prints figures.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { report } from '../dist/index.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100_000);
const CHROMIUM = '/usr/bin/chromium';

/** A run of `count` MMLU-like chat samples: a third right, every 50th failed. */
async function writeRun(dir, count) {
  const score = (value, n) => ({ value, stats: { count: n, mean: value, stderr: 0.001 } });
  await writeFile(
    join(dir, 'results.yml'),
    stringify({
      framework_name: 'simple_evals',
      results: { tasks: { mmlu: { metrics: { score: { scores: { micro: score(0.33, count) } } } } }, groups: { mmlu: { metrics: { score: { scores: { micro: score(0.33, count) } } } } } },
      evalforge: { task: { name: 'mmlu', harness: 'simple_evals', version: '1' }, generation: { model: 'bench-model', endpoint_type: 'chat' } },
    }),
  );
  const lines = [];
  for (let i = 0; i < count; i++) {
    const failed = i % 50 === 49;
    lines.push(
      JSON.stringify({
        id: `s/${i}`,
        index: i,
        messages: [{ role: 'user', content: `Question ${i}: which letter follows ${'ABCD'[(i + 3) % 4]}? Choose among A, B, C and D.` }],
        target: 'ABCD'[i % 4],
        ...(failed ? { scores: {}, error: { message: 'HTTP 500', status: 500 } } : { response: `Let me think. Answer: ${'ABCD'[(i * 7) % 4]}`, extracted: { answer: 'ABCD'[(i * 7) % 4] }, scores: { score: i % 3 === 0 ? 1 : 0 } }),
        latency_ms: 50 + ((i * 37) % 400),
        usage: { prompt_tokens: 20 + (i % 30), completion_tokens: 5 + ((i * 13) % 60) },
      }),
    );
  }
  await writeFile(join(dir, 'samples.jsonl'), `${lines.join('\n')}\n`);
}

const dir = await mkdtemp(join(tmpdir(), 'evalforge-bench-report-'));
try {
  await writeRun(dir, SAMPLES);
  const samplesBytes = (await stat(join(dir, 'samples.jsonl'))).size;
  const started = performance.now();
  const written = await report(dir);
  const buildMs = performance.now() - started;
  console.log(`report of ${SAMPLES.toLocaleString('en')} samples (samples.jsonl ${(samplesBytes / 1e6).toFixed(1)} MB)`);
  console.log(`  built in ${buildMs.toFixed(0)} ms, report.html ${(written.bytes / 1e6).toFixed(1)} MB`);
  if (!existsSync(CHROMIUM)) {
    console.log(`  (no ${CHROMIUM}: page load not measured; apt-get install chromium)`);
  } else {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const opened = performance.now();
      await page.goto(pathToFileURL(written.path).href, { timeout: 120_000 });
      await page.waitForSelector('html[data-report-ready]', { state: 'attached', timeout: 120_000 });
      const loadMs = performance.now() - opened;
      const paged = performance.now();
      await page.click('#page-next');
      await page.waitForSelector('#sample-list details.sample[data-sample-id="s/50"]', { state: 'attached' });
      console.log(`  chromium: ready in ${loadMs.toFixed(0)} ms, next page of 50 samples in ${(performance.now() - paged).toFixed(0)} ms`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
