import type { TaskRegistry } from '../registry.js';
import { customHarness } from './custom-harness.js';
import { customTaskError } from './custom-task-errors.js';
import { loadCustomTask } from './load-custom-task.js';

/**
 * `registry` plus the custom task files at `paths`, each loaded with `loadCustomTask` and
 * registered as `custom.<name>` (the `custom` harness is added if missing). `registry` itself is
 * left unchanged; with no paths it is returned as is. A name already registered under `custom`
 * is a ConfigError naming both files.
 */
export async function withCustomTasks(registry: TaskRegistry, paths: readonly string[]): Promise<TaskRegistry> {
  if (paths.length === 0) return registry;
  const extended = registry.clone();
  if (!extended.harness(customHarness.name)) extended.addHarness(customHarness);
  for (const path of paths) {
    const task = await loadCustomTask(path);
    const existing = extended.harness(customHarness.name)?.tasks.find((t) => t.name === task.name);
    if (existing) {
      throw customTaskError(task.reference, 'name', `task "custom.${task.name}" is already registered (by ${existing.reference})`, 'give one of the two tasks another name');
    }
    extended.addTask(customHarness.name, task);
  }
  return extended;
}
