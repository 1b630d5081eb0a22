import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { report } from '../../src/api/report.js';
import { ConfigError } from '../../src/core/errors.js';
import { mixedSamples, writeOutputDir } from '../report/output-dir-fixture.js';

const require = createRequire(import.meta.url);
const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-report-api-'));

const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

describe('report()', () => {
  it('writes <dir>/report.html for one output dir and says what it holds', async () => {
    const dir = await writeOutputDir(await tempDir(), { samples: mixedSamples() });
    const written = await report(dir);
    expect(written).toMatchObject({ path: join(dir, 'report.html'), runs: 1, samples: 6, compared: false });
    const html = await readFile(written.path, 'utf8');
    expect(written.bytes).toBe(Buffer.byteLength(html));
    expect(html).toContain(' * Chart.js v4.');
  });

  it('writes a combined report to ./report.html for several dirs, or to `output`, with a title', async () => {
    const a = await writeOutputDir(await tempDir(), { samples: mixedSamples() });
    const b = await writeOutputDir(await tempDir(), { model: 'model-b' });
    const cwd = await tempDir();
    process.chdir(cwd);
    expect(await report([a, b])).toMatchObject({ path: 'report.html', runs: 2, samples: 6 });
    expect(existsSync(join(cwd, 'report.html'))).toBe(true);
    const output = join(await tempDir(), 'both.html');
    await report([a, b], { output, title: 'Checkpoint sweep' });
    expect(await readFile(output, 'utf8')).toContain('"title":"Checkpoint sweep"');
  });

  it('throws a ConfigError naming a dir without results.yml, and for no dir at all', async () => {
    const empty = await tempDir();
    await expect(report(empty)).rejects.toThrow(ConfigError);
    await expect(report(empty)).rejects.toThrow(`${empty} has no results.yml`);
    await expect(report([])).rejects.toThrow(/no output dir given/);
  });

  it('works from the built package, ESM and CommonJS (npm test builds it first)', async () => {
    const dir = await writeOutputDir(await tempDir(), { samples: mixedSamples() });
    const esm = await import('evalforge');
    const cjs = require('evalforge') as typeof esm;
    for (const [name, mod] of [['esm', esm], ['cjs', cjs]] as const) {
      const output = join(dir, `${name}.html`);
      await mod.report(dir, { output });
      expect(await readFile(output, 'utf8'), name).toContain(' * Chart.js v4.');
    }
  });
});
