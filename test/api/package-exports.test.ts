import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EVALFORGE_VERSION } from '../../src/version.js';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('the built package (npm test builds it first)', () => {
  it('records the package version', () => {
    expect(EVALFORGE_VERSION).toBe(pkg.version);
  });
  it('loads through the exports map as ESM and CommonJS, with type declarations', async () => {
    const esm = await import('evalforge');
    const cjs = require('evalforge');
    for (const mod of [esm, cjs]) {
      expect(typeof mod.evaluate).toBe('function');
      expect(typeof mod.EvaluationConfigSchema.parse).toBe('function');
    }
    const testingEsm = await import('evalforge/testing');
    expect(typeof testingEsm.createMockServer).toBe('function');
    expect(typeof require('evalforge/testing').createMockServer).toBe('function');
    for (const entry of Object.values(pkg.exports) as any[]) {
      if (typeof entry === 'string') continue;
      for (const file of [entry.import.types, entry.require.types, entry.import.default, entry.require.default]) {
        expect(() => readFileSync(new URL(`../../${file}`, import.meta.url))).not.toThrow();
      }
    }
  });
});
