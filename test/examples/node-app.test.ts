import { execFile } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The environment minus npm's script variables, so the inner npm acts as if typed in a shell. */
function plainEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
  delete env.MODEL_URL;
  return env;
}

/**
 * The example runs as a user's project would: the repository is packed with `npm pack` (what the
 * registry would serve: the `files` list, the `exports` map, dist/ as `npm test` just built it),
 * the tarball is installed into a copy of examples/node-app, and `npm start` runs there, outside
 * the repository, so `import 'evalforge'` can only resolve to the installed package. The
 * package's dependencies come from the npm cache (filled by `npm ci`) or the registry.
 */
describe('examples/node-app', () => {
  const work = mkdtempSync(join(tmpdir(), 'evalforge-node-app-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('installs the packed package and prints a score table', { timeout: 180_000 }, async () => {
    const env = plainEnv();
    const { stdout: packed } = await run('npm', ['pack', '--pack-destination', work, '--ignore-scripts', '--json'], { env, maxBuffer: 64 * 1024 * 1024 });
    const [{ filename }] = JSON.parse(packed) as [{ filename: string }];

    const app = join(work, 'app');
    cpSync('examples/node-app', app, { recursive: true, filter: (source) => !/node_modules|package-lock\.json/.test(source) });
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies.evalforge).toBe('file:../..');
    manifest.dependencies.evalforge = `file:${join(work, filename)}`;
    writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));

    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, env, timeout: 150_000 });
    expect(lstatSync(join(app, 'node_modules/evalforge')).isSymbolicLink()).toBe(false);

    const { stdout } = await run('npm', ['start', '--silent'], { cwd: app, env, timeout: 60_000 });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^task +metric +score +stderr +n +output dir$/);
    expect(lines[1]).toMatch(/^-+( +-+){5}$/);
    // The toy model works arithmetic left to right: 3 of the 10 expressions need precedence.
    expect(lines).toContainEqual(expect.stringMatching(/^arithmetic +exact_match +0\.700 +0\.153 +10 +\S+/));
    expect(lines).toContainEqual(expect.stringMatching(/^gsm8k_zeroshot_cot +exact_match__strict-match +0\.000 +0\.000 +10 +\S+/));
    expect(lines).toContainEqual(expect.stringMatching(/^gsm8k_zeroshot_cot +exact_match__flexible-extract +0\.\d{3} +0\.\d{3} +10 +\S+/));
    expect(lines).toHaveLength(5);
  });
});
