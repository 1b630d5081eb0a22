import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../src/api/report.js';
import { flippedSamples, manySamples, mixedSamples, mmluLikeResults, writeOutputDir } from './output-dir-fixture.js';

// page.evaluate callbacks run in the page; the project's tsconfig has no DOM types.
declare const document: any;
declare const window: any;

// A real browser: Debian's chromium (installed by .ci/run). Missing, the tests fail; they never skip.
const CHROMIUM = '/usr/bin/chromium';
const TEST_OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
/** The first run's bar colour in the page's palette, rgb of #4e79a7. */
const FIRST_RUN_RGB: [number, number, number] = [78, 121, 167];

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the report's browser tests need it (apt-get install -y chromium; .ci/run installs it)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  await mkdir(TEST_OUTPUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-report-browser-'));

interface OpenedReport {
  page: Page;
  /** Console errors and warnings, uncaught page errors, and any request for something but the file itself. */
  problems: string[];
  loadMs: number;
}

async function openReport(path: string, timeout = 30_000): Promise<OpenedReport> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const url = pathToFileURL(path).href;
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (request.url() !== url) problems.push(`request: ${request.url()}`);
  });
  const started = Date.now();
  await page.goto(url, { timeout });
  await page.waitForSelector('html[data-report-ready]', { timeout, state: 'attached' });
  return { page, problems, loadMs: Date.now() - started };
}

/** Per chart (`canvas[data-chart]`): how many pixels have the first run's colour, i.e. drawn bars. */
async function barPixels(page: Page): Promise<Record<string, number>> {
  return page.evaluate((rgb) => {
    const counts: Record<string, number> = {};
    for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2] && data[i + 3] === 255) n++;
      counts[canvas.dataset.chart!] = n;
    }
    return counts;
  }, FIRST_RUN_RGB);
}

async function visibleSamples(page: Page): Promise<Array<{ id: string; outcome: string }>> {
  return page.$$eval('#sample-list details.sample', (nodes) => nodes.map((n) => ({ id: n.getAttribute('data-sample-id')!, outcome: n.getAttribute('data-outcome')! })));
}

async function search(page: Page, text: string, expectedCount: number): Promise<void> {
  await page.fill('#sample-search', text);
  const applied = text.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  // The list records the query it shows (after the input's debounce).
  await page.waitForFunction((query) => document.querySelector('#sample-list')!.getAttribute('data-query') === query, applied, { timeout: 30_000 });
  expect(await page.$$('#sample-list details.sample')).toHaveLength(expectedCount);
}

describe('the HTML report in Chromium', () => {
  it('draws every chart, escapes hostile text, filters, searches and shows each sample', async () => {
    const dir = await writeOutputDir(await tempDir(), { samples: mixedSamples() });
    const { path } = await report(dir);
    const { page, problems } = await openReport(path);

    expect(await page.title()).toBe('evalforge report: mmlu · model-a');
    const pixels = await barPixels(page);
    expect(Object.keys(pixels).sort()).toEqual(['completion-tokens', 'groups', 'latency', 'prompt-tokens', 'tasks']);
    for (const [chart, count] of Object.entries(pixels)) expect(count, `bars drawn in chart ${chart}`).toBeGreaterThan(50);

    expect(await visibleSamples(page)).toHaveLength(6);
    await page.selectOption('#sample-filter', '1');
    expect(await visibleSamples(page)).toEqual([
      { id: 'abstract_algebra/1', outcome: 'incorrect' },
      { id: 'world_religions/0', outcome: 'incorrect' },
    ]);
    await page.selectOption('#sample-filter', '2');
    expect(await visibleSamples(page)).toEqual([{ id: 'anatomy/1', outcome: 'error' }]);
    await page.selectOption('#sample-filter', '0');
    expect((await visibleSamples(page)).map((s) => s.id)).toEqual(['abstract_algebra/0', 'anatomy/0', 'world_religions/1']);
    await page.selectOption('#sample-filter', '-1');

    await search(page, 'ZEBRA-unique-word', 1);
    expect(await visibleSamples(page)).toEqual([{ id: 'anatomy/1', outcome: 'error' }]);
    await search(page, '</script> onerror', 1);
    expect((await visibleSamples(page))[0]!.id).toBe('abstract_algebra/1');

    // The hostile prompt and response are shown as text and ran nothing.
    await page.click('#sample-list details.sample > summary');
    const body = await page.textContent('#sample-list .sample-body');
    expect(body).toContain('</script><script>window.__pwned = 1</script><!-- <img src=x onerror="window.__pwned = 2">');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.$$('#sample-list img, #sample-list script')).toHaveLength(0);

    // A log-likelihood sample: the shared context once, each continuation with its log-probability.
    await search(page, 'world_religions/1', 1);
    await page.click('#sample-list details.sample > summary');
    const loglikelihood = await page.textContent('#sample-list .sample-body');
    expect(loglikelihood).toMatch(/Question: 2 \+ 2 =\nAnswer:/);
    expect(loglikelihood).toContain('" 4"-0.1true');
    expect(loglikelihood).toContain('score (primary)');
    expect(loglikelihood).toContain('log-likelihood <b>not bold</b>');
    expect(await page.$$eval('#sample-list .sample-body pre', (nodes) => nodes.filter((n) => n.textContent === 'Question: 2 + 2 =\nAnswer:').length)).toBe(1);

    await search(page, '', 6);
    await page.screenshot({ path: join(TEST_OUTPUT, 'report.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('combines several runs: one bar per run, and a run filter for the samples', async () => {
    const a = await writeOutputDir(join(await tempDir(), 'a'), { samples: manySamples(30), model: 'model-a' });
    const b = await writeOutputDir(join(await tempDir(), 'b'), { samples: manySamples(20, 1000), model: 'model-b', results: mmluLikeResults(0.1) });
    const { path } = await report([a, b], { output: join(await tempDir(), 'combined.html') });
    const { page, problems } = await openReport(path);
    for (const [chart, count] of Object.entries(await barPixels(page))) expect(count, `bars drawn in chart ${chart}`).toBeGreaterThan(50);
    const datasets = await page.evaluate(() => {
      const chart = window.Chart.getChart(document.querySelector('canvas[data-chart="tasks"]'));
      return chart.data.datasets.map((d: { label: string }) => d.label) as string[];
    });
    expect(datasets).toEqual(['mmlu · model-a', 'mmlu · model-b']);
    expect(await page.$eval('#page-info', (n) => n.textContent)).toContain('samples 1–50 of 50 matching');
    await page.selectOption('#sample-run', '1');
    const second = await visibleSamples(page);
    expect(second).toHaveLength(20);
    expect(second[0]!.id).toBe('s/1000');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the paired comparison of two runs of one task', async () => {
    const a = await writeOutputDir(await tempDir(), { samples: manySamples(200) });
    const b = await writeOutputDir(await tempDir(), { samples: flippedSamples(manySamples(200), 4), model: 'model-b', results: mmluLikeResults(0.05) });
    const written = await report([a, b], { output: join(await tempDir(), 'ab.html') });
    expect(written.compared).toBe(true);
    const { page, problems } = await openReport(written.path);
    expect(await page.$$eval('h2', (nodes) => nodes.map((n) => n.textContent))).toContain('Paired comparison');
    const row = await page.$$eval('h2 + .meta + .table-wrap tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    // Every fourth sample flips: 17 of those 50 (multiples of 12) A had right and go down, 33 go up.
    expect(row).toHaveLength(1);
    expect(row[0]!.slice(0, 2)).toEqual(['score', '196']);
    expect(row[0]!.slice(8)).toEqual(['33', '17']);
    expect(row[0]![6]).toBe('McNemar exact (only A right 17, only B right 33)');
    await page.click('details[data-flips="score better in B"] > summary');
    // The list is filled by the details' toggle event, which fires after the click returns.
    await page.waitForSelector('details[data-flips="score better in B"] .flip-list > div');
    expect(await page.$$('details[data-flips="score better in B"] .flip-list > div')).toHaveLength(33);
    for (const [chart, count] of Object.entries(await barPixels(page))) expect(count, `bars drawn in chart ${chart}`).toBeGreaterThan(50);
    await page.screenshot({ path: join(TEST_OUTPUT, 'report-comparison.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a report of 100,000 samples in bounded time and pages through it', { timeout: 240_000 }, async () => {
    const dir = await writeOutputDir(await tempDir(), { samples: manySamples(100_000) });
    const built = Date.now();
    const { path, samples } = await report(dir);
    const buildMs = Date.now() - built;
    expect(samples).toBe(100_000);
    const { page, problems, loadMs } = await openReport(path, 60_000);
    const size = (await stat(path)).size;
    console.log(`100k-sample report: ${(size / 1e6).toFixed(1)} MB, built in ${buildMs} ms, opened in ${loadMs} ms`);
    expect(loadMs).toBeLessThan(30_000);

    expect(await page.$eval('#page-info', (n) => n.textContent)).toBe('of 2,000 · samples 1–50 of 100,000 matching');
    expect((await visibleSamples(page))[0]!.id).toBe('s/0');
    await page.click('#page-next');
    const second = await visibleSamples(page);
    expect(second).toHaveLength(50);
    expect(second[0]!.id).toBe('s/50');
    await page.click('#page-last');
    expect((await visibleSamples(page)).at(-1)!.id).toBe('s/99999');
    await page.fill('#page-number', '1234');
    await page.dispatchEvent('#page-number', 'change');
    expect((await visibleSamples(page))[0]!.id).toBe('s/61650');

    await page.selectOption('#sample-filter', '2');
    expect(await page.$eval('#page-info', (n) => n.textContent)).toBe('of 40 · samples 1–50 of 2,000 matching');
    await page.selectOption('#sample-filter', '-1');
    const searched = Date.now();
    await search(page, 'question number 77777:', 1);
    expect(Date.now() - searched).toBeLessThan(15_000);
    expect(await visibleSamples(page)).toEqual([{ id: 's/77777', outcome: 'incorrect' }]);
    await page.screenshot({ path: join(TEST_OUTPUT, 'report-100k.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
