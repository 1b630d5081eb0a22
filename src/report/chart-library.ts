import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The source of Chart.js's self-contained browser build (`chart.js/dist/chart.umd.min.js`, which
 * defines `window.Chart`), read from the installed `chart.js` package (a runtime dependency), with
 * its source-map comment dropped and any `</script` written as `<\/script` so it can sit inside an
 * inline `<script>` element.
 */
export async function loadChartLibrary(): Promise<string> {
  // The package's `exports` do not list the UMD file: find it beside the CommonJS entry.
  // tsup's `shims` give the CommonJS build an `import.meta.url` too.
  const entry = createRequire(import.meta.url).resolve('chart.js');
  const source = await readFile(join(dirname(entry), 'chart.umd.min.js'), 'utf8');
  return source.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n').replace(/<\/script/gi, (tag) => `<\\${tag.slice(1)}`);
}
