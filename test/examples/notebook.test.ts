import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const NOTEBOOK = 'examples/notebooks/evalforge.ipynb';
const DENO = resolve('node_modules/.bin/deno');

interface CellOutput {
  output_type: 'stream' | 'execute_result' | 'display_data' | 'error';
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}

interface NotebookCell {
  cell_type: 'code' | 'markdown';
  id: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: CellOutput[];
}

const joined = (text: string | string[] | undefined): string => (Array.isArray(text) ? text.join('') : (text ?? ''));

/** Fails (never skips: CI must run this) when a tool the notebook test needs is not installed. */
async function requireTool(command: string, args: string[], install: string): Promise<void> {
  try {
    await run(command, args, { timeout: 30_000 });
  } catch {
    throw new Error(`\`${command} ${args.join(' ')}\` failed: the notebook test needs it. ${install}`);
  }
}

/**
 * Executes the notebook headlessly as a user's Jupyter would, with the Deno kernel: `deno jupyter
 * --install` writes the kernelspec (into a throwaway HOME, so a developer's own kernelspec is left
 * alone) and `jupyter nbconvert --execute` runs every cell in the notebook's folder, which the
 * notebook's `../../dist/index.js` import and data path are relative to.
 */
describe('examples/notebooks/evalforge.ipynb', () => {
  const work = mkdtempSync(join(tmpdir(), 'evalforge-notebook-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs on the Deno kernel and shows the score table and the chart', { timeout: 180_000 }, async () => {
    if (!existsSync(DENO)) throw new Error(`${DENO} is missing: \`npm ci\` installs it (devDependency deno).`);
    await requireTool('jupyter', ['nbconvert', '--version'], 'Install it with `apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client` (.ci/run does).');

    const home = join(work, 'home');
    const temp = join(work, 'tmp');
    mkdirSync(home);
    mkdirSync(temp);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      JUPYTER_PATH: join(home, '.local/share/jupyter'),
      PATH: `${resolve('node_modules/.bin')}:${process.env.PATH ?? ''}`,
      // The notebook's output dirs (Deno.makeTempDir) land here and are removed with it.
      TMPDIR: temp,
    };
    delete env.XDG_DATA_HOME;
    delete env.JUPYTER_DATA_DIR;
    await run(DENO, ['jupyter', '--install'], { env, timeout: 60_000 });
    expect(existsSync(join(home, '.local/share/jupyter/kernels/deno/kernel.json'))).toBe(true);

    await run(
      'jupyter',
      // iopub_timeout: on a loaded CI machine the kernel's outputs can trail its execute_reply by more
      // than nbclient's default 4 s, which would silently drop them.
      ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=120', '--ExecutePreprocessor.iopub_timeout=60', NOTEBOOK, '--output-dir', work, '--output', 'executed.ipynb'],
      { env, timeout: 170_000 },
    );
    const executed = JSON.parse(readFileSync(join(work, 'executed.ipynb'), 'utf8')) as { cells: NotebookCell[]; metadata: { kernelspec: { name: string } } };
    expect(executed.metadata.kernelspec.name).toBe('deno');

    const code = executed.cells.filter((cell) => cell.cell_type === 'code');
    for (const cell of code) {
      expect(cell.execution_count, `cell ${cell.id} ran`).toEqual(expect.any(Number));
      expect(cell.outputs?.filter((output) => output.output_type === 'error')).toEqual([]);
    }
    const outputs = code.flatMap((cell) => cell.outputs ?? []);
    const stdout = outputs.filter((output) => output.output_type === 'stream').map((output) => joined(output.text)).join('');
    expect(stdout).toMatch(/^mock endpoint: http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions$/m);
    expect(stdout).toContain('4 scores from 2 runs');

    const results = outputs.filter((output) => output.output_type === 'execute_result' || output.output_type === 'display_data');
    const table = results.map((output) => joined(output.data?.['text/markdown'])).find((text) => text.startsWith('| model |'));
    expect(table?.split('\n')).toEqual([
      '| model | task | metric | score | ± stderr | n |',
      '| --- | --- | --- | ---: | ---: | ---: |',
      '| careful-model | gsm8k_zeroshot_cot | exact_match__strict-match | 0.800 | 0.092 | 20 |',
      '| careful-model | gsm8k_zeroshot_cot | exact_match__flexible-extract | 0.800 | 0.092 | 20 |',
      '| hasty-model | gsm8k_zeroshot_cot | exact_match__strict-match | 0.000 | 0.000 | 20 |',
      '| hasty-model | gsm8k_zeroshot_cot | exact_match__flexible-extract | 0.700 | 0.105 | 20 |',
    ]);

    const chart = results.map((output) => joined(output.data?.['image/svg+xml'])).find((svg) => svg.startsWith('<svg'));
    expect(chart).toBeDefined();
    const bars = [...(chart ?? '').matchAll(/<g class="bar"><text [^>]*>([^<]+)<\/text><rect [^>]*width="(\d+)"/g)].map(([, label, width]) => [label, Number(width)]);
    // 260 px stand for a score of 1.
    expect(bars).toEqual([
      ['careful-model · exact_match__strict-match', 208],
      ['careful-model · exact_match__flexible-extract', 208],
      ['hasty-model · exact_match__strict-match', 0],
      ['hasty-model · exact_match__flexible-extract', 182],
    ]);
  });
});
