import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadChartLibrary } from '../../src/report/chart-library.js';

describe('loadChartLibrary', () => {
  it("reads Chart.js's browser build from the chart.js dependency, ready to inline", async () => {
    const source = await loadChartLibrary();
    expect(source).toMatch(/^\/\*!\n \* Chart\.js v4\./);
    expect(source).not.toMatch(/sourceMappingURL/);
    expect(source.toLowerCase()).not.toContain('</script');
    const window: Record<string, unknown> = {};
    runInNewContext(source, { window, globalThis: window });
    expect(typeof window.Chart).toBe('function');
  });
});
