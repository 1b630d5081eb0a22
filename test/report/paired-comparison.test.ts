import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/api/compare.js';
import { pairedComparison } from '../../src/report/paired-comparison.js';
import { readRunOutput } from '../../src/report/read-run-output.js';
import { flippedSamples, manySamples, writeOutputDir } from './output-dir-fixture.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'evalforge-report-compare-'));

describe('pairedComparison', () => {
  it("shows compare()'s numbers for two runs of one task, A the first dir", async () => {
    const a = await writeOutputDir(await tempDir(), { samples: manySamples(120) });
    const b = await writeOutputDir(await tempDir(), { samples: flippedSamples(manySamples(120), 4), model: 'model-b' });
    const shown = await pairedComparison([await readRunOutput(a), await readRunOutput(b)]);
    const direct = await compare(a, b);
    expect(shown).toEqual({
      pairs: direct.pairs,
      a: { samples: direct.a.samples, errors: direct.a.errors.length, unpaired: 0 },
      b: { samples: direct.b.samples, errors: direct.b.errors.length, unpaired: 0 },
      metrics: direct.metrics,
      warnings: [],
    });
    // manySamples fails every 50th request: ids 49 and 99 are errors in both runs.
    expect(shown!.pairs).toBe(118);
    expect(shown!.metrics[0]!.flips.up.length + shown!.metrics[0]!.flips.down.length).toBeGreaterThan(0);
  });

  it('is undefined unless there are exactly two runs of one task with samples in common', async () => {
    const a = await readRunOutput(await writeOutputDir(await tempDir(), { samples: manySamples(10) }));
    const otherTask = await readRunOutput(await writeOutputDir(await tempDir(), { samples: manySamples(10), task: 'gsm8k' }));
    const disjoint = await readRunOutput(await writeOutputDir(await tempDir(), { samples: manySamples(10, 500) }));
    expect(await pairedComparison([a])).toBeUndefined();
    expect(await pairedComparison([a, a, a])).toBeUndefined();
    expect(await pairedComparison([a, otherTask])).toBeUndefined();
    expect(await pairedComparison([a, disjoint])).toBeUndefined();
  });
});
