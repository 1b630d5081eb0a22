import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRun } from '../../../src/core/config/resolve-run.js';
import { customHarness } from '../../../src/core/custom-task/custom-harness.js';
import { loadCustomTask } from '../../../src/core/custom-task/load-custom-task.js';
import { withCustomTasks } from '../../../src/core/custom-task/with-custom-tasks.js';
import { createDefaultRegistry } from '../../../src/core/default-registry.js';
import { ConfigError } from '../../../src/core/errors.js';
import { TaskRegistry } from '../../../src/core/registry.js';
import { stubHarness, stubTask } from '../../helpers/stub-task.js';

const EXAMPLE = resolve('examples/custom-task/capitals.yaml');

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'evalforge-with-custom-'));
  await copyFile(resolve('examples/custom-task/capitals.jsonl'), join(scratch, 'capitals.jsonl'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of the example under another folder, with its name replaced. */
async function renamedCopy(name: string): Promise<string> {
  const path = join(scratch, `${name}.yaml`);
  await writeFile(path, (await readFile(EXAMPLE, 'utf8')).replace(/^name: capitals$/m, `name: ${name}`));
  return path;
}

const target = { api_endpoint: { url: 'http://localhost:1/v1/chat/completions', model_id: 'm' } };

describe('withCustomTasks', () => {
  it('returns the registry itself when there are no files', async () => {
    const registry = createDefaultRegistry();
    expect(await withCustomTasks(registry, [])).toBe(registry);
  });

  it('registers each file as custom.<name> in a copy, leaving the given registry unchanged', async () => {
    const registry = new TaskRegistry([stubHarness('stub', [stubTask('other')])]);
    const extended = await withCustomTasks(registry, [EXAMPLE, await renamedCopy('capitals2')]);
    expect(extended.list().map(({ harness, task }) => `${harness.name}.${task.name}`)).toEqual(['stub.other', 'custom.capitals', 'custom.capitals2']);
    expect(registry.list()).toHaveLength(1);
    expect(registry.harness('custom')).toBeUndefined();
    expect(extended.resolve('custom.capitals').task.name).toBe('capitals');
    expect(extended.resolve('capitals2').harness.name).toBe('custom');
  });

  it('merges the neutral custom harness defaults, then the task defaults, under the user config', async () => {
    const registry = await withCustomTasks(createDefaultRegistry(), [EXAMPLE]);
    const run = resolveRun(registry, [{ config: { type: 'custom.capitals', output_dir: '/tmp/out', params: { parallelism: 3 } }, target }]);
    expect(run.harness.name).toBe('custom');
    expect(run.config.params).toEqual({ maxRetries: 5, parallelism: 3, requestTimeout: 60, temperature: 0, extra: {}, task: 'capitals', maxNewTokens: 64 });
    expect(run.config.supportedEndpointTypes).toEqual(['chat']);
    expect(run.target.apiEndpoint.type).toBe('chat');
  });

  it('rejects two files with the same name, naming both', async () => {
    const copy = join(scratch, 'again.yaml');
    await copyFile(EXAMPLE, copy);
    const error = await withCustomTasks(createDefaultRegistry(), [EXAMPLE, copy]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      `${copy}: name: task "custom.capitals" is already registered (by ${EXAMPLE})\n  Fix: give one of the two tasks another name`,
    );
  });

  it('makes a bare name ambiguous when a built-in task has it; the qualified name still resolves', async () => {
    const registry = await withCustomTasks(createDefaultRegistry(), [await renamedCopy('mmlu')]);
    expect(() => resolveRun(registry, [{ config: { type: 'mmlu', output_dir: '/tmp/out' }, target }])).toThrow(/defined by several harnesses[\s\S]*custom\.mmlu/);
    expect(resolveRun(registry, [{ config: { type: 'custom.mmlu', output_dir: '/tmp/out' }, target }]).harness.name).toBe('custom');
  });

  it('matches registering loadCustomTask by hand under customHarness, as the docs show', async () => {
    const byHand = createDefaultRegistry();
    byHand.addHarness({ ...customHarness, tasks: [await loadCustomTask(EXAMPLE)] });
    const config = [{ config: { type: 'capitals', output_dir: '/tmp/out' }, target }];
    const viaOption = resolveRun(await withCustomTasks(createDefaultRegistry(), [EXAMPLE]), config);
    const manual = resolveRun(byHand, config);
    expect(manual.config).toEqual(viaOption.config);
    expect(manual.harness.name).toBe('custom');
  });
});
